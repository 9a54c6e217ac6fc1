/**
 * CITATION.cff for a release: its `version` and `date-released` set, and
 * every other byte kept (comments, folding, key order): the two values are
 * replaced where the `yaml` package's parser found them, or added at the end.
 * Pure: text in, text out.
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

/** The CITATION.cff text with `version` and `date-released` of a release; throws naming the line when the text is not a YAML mapping. */
export function citationForRelease(text: string, version: string, date: string, file = 'CITATION.cff'): string {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const error = doc.errors[0];
  if (error) throw new Error(`${file}:${lineCounter.linePos(error.pos[0]).line}: not valid YAML: ${error.message.split('\n')[0]}`);
  if (!isMap(doc.contents)) throw new Error(`${file}:1: is not a Citation File Format mapping (cff-version, title, authors, ...)`);
  const values: [string, string][] = [
    ['version', version],
    ['date-released', date],
  ];
  // Replaced from the end of the text backwards, so each range found still holds.
  const edits: { from: number; to: number; text: string }[] = [];
  for (const [key, value] of values) {
    const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    const range = pair && isScalar(pair.value) ? pair.value.range : undefined;
    if (pair && !range) throw new Error(`${file}: ${key}: must be a plain value`);
    if (range) edits.push({ from: range[0], to: range[1], text: value });
    else edits.push({ from: text.length, to: text.length, text: `${text.endsWith('\n') || !text ? '' : '\n'}${key}: ${value}\n` });
  }
  let out = text;
  for (const edit of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, edit.from) + edit.text + out.slice(edit.to);
  return out;
}
