/** Key order: articles keep their front-matter keys in the content model's order, so diffs stay small. */
import { IMAGE_KEY_ORDER, KEY_ORDER, RELATED_KEY_ORDER, SOURCE_KEY_ORDER } from '../content/schema.ts';
import type { LoadedArticle } from './load.ts';
import type { CheckIssue } from './types.ts';

const NESTED: Record<string, readonly string[]> = { source: SOURCE_KEY_ORDER, image: IMAGE_KEY_ORDER, related: RELATED_KEY_ORDER };

/** The first key, as a dotted path, that stands before a key it should follow; undefined when all are in order. */
export function firstKeyOutOfOrder(data: Record<string, unknown>): string | undefined {
  const outOfOrder = (keys: string[], order: readonly string[], prefix: string): string | undefined => {
    const ranks = keys.map((key) => order.indexOf(key));
    for (let i = 1; i < ranks.length; i++) if (ranks[i]! < ranks[i - 1]!) return `${prefix}${keys[i]}`;
    return undefined;
  };
  const top = outOfOrder(Object.keys(data), KEY_ORDER, '');
  if (top) return top;
  for (const [key, order] of Object.entries(NESTED)) {
    const value = data[key];
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const nested = outOfOrder(Object.keys(value), order, `${key}.`);
      if (nested) return nested;
    }
  }
  return undefined;
}

/** Reports a valid article whose keys are out of order, at the first misplaced key. */
export function checkKeyOrder(article: LoadedArticle): CheckIssue[] {
  if (!article.valid || !article.data) return [];
  const misplaced = firstKeyOutOfOrder(article.data);
  if (!misplaced) return [];
  const parent = misplaced.includes('.') ? misplaced.split('.')[0]! : undefined;
  const order = parent ? NESTED[parent]! : KEY_ORDER;
  const present = order.filter((key) => Object.hasOwn(parent ? (article.data![parent] as object) : article.data!, key));
  return [
    {
      file: article.file,
      line: article.lineOf(misplaced) ?? 1,
      field: misplaced,
      message: `is out of order: keep ${parent ? `the keys of ${parent}` : 'the keys'} in the order ${present.join(', ')} (archive check --fix does it)`,
      severity: 'warning',
    },
  ];
}
