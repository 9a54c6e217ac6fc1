/**
 * Second copies of one story: two articles from the same source file
 * (sha256), the same source URL, the same body, or most of one text
 * (content/same-story.ts: an article imported from its text dump and its
 * HTML, one wire story from two outlets); and two articles the build would
 * write to the same page URL.
 */
import { createHash } from 'node:crypto';
import { StoryIndex } from '../content/same-story.ts';
import { stringAt, type LoadedArticle } from './load.ts';
import type { CheckIssue } from './types.ts';

/** The body's fingerprint: the text with case and white space folded, as the importer compares bodies. */
export function bodyFingerprint(body: string): string | undefined {
  const text = body.replace(/\s+/g, ' ').trim().toLowerCase();
  return text ? createHash('sha256').update(text).digest('hex') : undefined;
}

/** Reports each article that shares its source or body with another, naming the other file. */
export function checkDuplicates(articles: readonly LoadedArticle[], urlOf: (article: LoadedArticle) => string | undefined): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const rules: {
    field?: string;
    what: string;
    keyOf: (article: LoadedArticle) => string | undefined;
    line: (article: LoadedArticle) => number;
    fix: string;
    severity: CheckIssue['severity'];
  }[] = [
    {
      field: 'source.sha256',
      what: 'the same source file (sha256) as',
      keyOf: (article) => stringAt(article.data, 'source.sha256'),
      line: (article) => article.lineOf('source.sha256') ?? 1,
      fix: 'one is a second copy: delete it, keeping the one editors have worked on',
      severity: 'warning',
    },
    {
      field: 'source.url',
      what: 'the same source URL as',
      keyOf: (article) => stringAt(article.data, 'source.url')?.trim(),
      line: (article) => article.lineOf('source.url') ?? 1,
      fix: 'one is a second copy: delete it, keeping the one editors have worked on',
      severity: 'warning',
    },
    {
      what: 'the same body as',
      keyOf: (article) => (article.data ? article.bodyKey : undefined),
      line: (article) => article.bodyLine,
      fix: 'one is a second copy: delete it, keeping the one editors have worked on',
      severity: 'warning',
    },
    {
      what: 'the same page URL as',
      keyOf: urlOf,
      line: () => 1,
      fix: 'the build refuses two pages at one address: rename one file (its name after the day is the URL slug)',
      severity: 'error',
    },
  ];
  // One report per pair of copies: the same file is usually also the same URL and the same body.
  const paired = new Set<string>();
  for (const rule of rules) {
    const byKey = new Map<string, LoadedArticle[]>();
    for (const article of articles) {
      const key = rule.keyOf(article);
      if (!key) continue;
      const group = byKey.get(key);
      if (group) group.push(article);
      else byKey.set(key, [article]);
    }
    for (const [key, group] of byKey) {
      if (group.length < 2) continue;
      for (const article of group) {
        const others = group
          .filter((other) => other !== article && (rule.severity === 'error' || !paired.has(`${article.file}\0${other.file}`)))
          .map((other) => other.file);
        if (others.length === 0) continue;
        const shown = rule.what === 'the same page URL as' ? ` (${key})` : '';
        issues.push({
          file: article.file,
          line: rule.line(article),
          field: rule.field,
          message: `has ${rule.what} ${others.join(', ')}${shown}: ${rule.fix}`,
          severity: rule.severity,
        });
      }
      if (rule.severity === 'error') continue;
      for (const article of group) for (const other of group) paired.add(`${article.file}\0${other.file}`);
    }
  }
  // The same story in two texts that differ a little: reported with the share of text they hold in common.
  const stories = new StoryIndex<LoadedArticle>();
  const headline = (article: LoadedArticle) => {
    const day = stringAt(article.data, 'date');
    const title = stringAt(article.data, 'title');
    return day && title ? { day, title } : undefined;
  };
  for (const article of articles) if (article.data) stories.add(article, article.print, headline(article));
  for (const article of articles) {
    if (!article.data) continue;
    for (const { key: other, share } of stories.sameAs(article.print, article, headline(article))) {
      if (paired.has(`${article.file}\0${other.file}`)) continue;
      issues.push({
        file: article.file,
        line: article.bodyLine,
        message: `tells the same story as ${other.file} (${Math.round(share * 100)} % of the shorter text in common): keep one, or keep both if they are two outlets' copies (the site shows them as one story)`,
        severity: 'warning',
      });
    }
  }
  return issues;
}
