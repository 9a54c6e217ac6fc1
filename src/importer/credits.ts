/**
 * Credit lines at the end of a story: "Keith Bradsher contributed reporting
 * from Hong Kong.", "Reporting by Jan Lopatka; Editing by Alison Williams".
 * They say who worked on the story, not what it is about: they leave the
 * body, and the names in them are never the story's people.
 */

const CREDIT = new RegExp(
  [
    String.raw`^(?:additional |editing |writing |reporting |research |graphics |photos? |video )?(?:reporting|editing|writing|research|compiled|edited|written|translated|produced|photographs?|photos?)(?: and \w+)? by\b`,
    String.raw`\b(?:contributed|also contributed|contributed additional) (?:reporting|research|to this (?:report|story|article))\b`,
    String.raw`^\(?(?:reporting|editing) by\b`,
    String.raw`\breporting by\b.*\bediting by\b`,
  ].join('|'),
  'i',
);

/** Whether a paragraph is a credit line (short, and shaped like one). */
export function isCreditLine(paragraph: string): boolean {
  const text = paragraph.replace(/[*_]/g, '').trim();
  return text.length <= 300 && CREDIT.test(text);
}

/** Takes the credit lines off the end of a Markdown body; returns the body and the lines taken. */
export function dropCredits(body: string): { body: string; credits: string[] } {
  const paragraphs = body.split(/\n{2,}/);
  const credits: string[] = [];
  // Credits close a story; a paragraph before the last one that is not a credit is the story's.
  while (paragraphs.length > 1 && credits.length < 4 && isCreditLine(paragraphs[paragraphs.length - 1]!)) {
    credits.unshift(paragraphs.pop()!.trim());
  }
  return { body: paragraphs.join('\n\n'), credits };
}
