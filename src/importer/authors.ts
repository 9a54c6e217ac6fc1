/**
 * Bylines: who wrote a story, read off what the page says ("By Keith
 * Bradsher", "Stella Kim and Jennifer Jett", a JSON-LD author, an author meta
 * tag). An author is credited, never filed among the people the story is about.
 */

/** Words that make a byline a desk's or a staff's, not a writer's ("Our Foreign Staff", "Newsroom"). */
const NOT_A_WRITER =
  /\b(?:staff|desk|newsroom|editors?|editorial|team|contributors?|correspondents?|reporters?|admin|administrator|webmaster|guest|anonymous|unknown)\b/i;

/**
 * The names in a byline: "By Stella Kim and Jennifer Jett" gives two, "By
 * GILLIAN MOHNEY March 11, 2015" one. A part that is not shaped like a name
 * (a date, a role, a web address) is dropped.
 */
export function bylineNames(byline: string): string[] {
  const text = byline
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:written |posted |reported |story |words |text )?by:?\s+/i, '')
    // What follows the name: a date, a role after a bar or a dash, "for the Outlet".
    .split(/\s+[|•·–—]\s+|\s+-\s+|\s+(?:for|in|at|on)\s+(?=\p{Lu})|,?\s+(?=(?:updated|published|posted)\b)/iu)[0]!
    .replace(/\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d.*$/i, '')
    .replace(/\s+\d.*$/, '');
  const out: string[] = [];
  for (const part of text.split(/\s*(?:,|;|&|\band\b)\s*/i)) {
    const name = part.replace(/^(?:by\s+)/i, '').trim();
    // A role or an affiliation ends the list of names: "Daniel Kahn Gillmor, Senior Staff Technologist, ACLU ...".
    if (!isWriterName(name)) {
      if (out.length) break;
      continue;
    }
    out.push(name === name.toUpperCase() ? titleCase(name) : name);
  }
  return out;
}

/** A writer's name: one to five capitalised words (particles allowed), no digits, no address, no desk. */
export function isWriterName(name: string): boolean {
  if (!name || name.length > 60 || /[\d@/:]|https?|www\./i.test(name) || NOT_A_WRITER.test(name)) return false;
  const words = name.split(' ');
  if (words.length > 5) return false;
  return (
    words.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|da|di|van|von|der|den|del|la|le|al|el|bin|ibn|du|dos|das)$/.test(w)) &&
    /\p{L}{2}/u.test(name)
  );
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase());
}
