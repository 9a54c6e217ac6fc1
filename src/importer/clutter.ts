/**
 * Paragraphs a page puts inside the article that are not the article:
 * advertisement markers, reading-time labels, "Next story" links, prompts to
 * follow, subscribe or get the app, copyright notices, live-score banners,
 * and the writer's biography closing the piece. Each is short and says what
 * it is in so many words; a paragraph of the story that merely mentions a
 * newsletter or an app runs longer or says more, and stays.
 */

/** Clutter wherever it stands: it can only be page furniture. */
const ANYWHERE = [
  /^[-–—\s]*(?:story continues below )?advertisements?[-–—\s]*$/i,
  /^(?:\d+|one|two|three|four|five)[- ]min(?:ute)?s?[- ]read$/i,
  /^\[?(?:next|previous) (?:story|article|post)\]?(?:\(.*\))?$/i,
  /^(?:read|share) (?:or share )?this story:?\s*\S*$/i,
  /^(?:\*\*|\*)?\[?\s*click here\b.{0,80}\b(?:app|download|subscribe|newsletter|mobile|sign up)\b/i,
  /^live (?:score|scores|updates|blog)\b.{0,40}$/i,
  /\b(?:sign(?:ing)? up|subscribe|join)\b.{0,60}\b(?:newsletters?|inbox|e-?mail updates?|mailing list)\b/i,
  /\b(?:stay up to date|keep up|don't miss|get (?:the|our)|never miss)\b.{0,80}\b(?:newsletters?|app|inbox|updates)\b/i,
  /^by signing up\b|\bagree to (?:our|the) (?:privacy policy|terms)\b/i,
  /^(?:subscribe|follow us|follow)(?: (?:and|&) follow)?(?: us)?(?: on [\w ,&]+)?[.!]?$/i,
  /^(?:you have )?successfully subscribed\b|^you have succes+fully subscribed\b/i,
  /^support (?:our|independent) journalism\b.{0,60}$/i,
  /\ball rights reserved\b|^\(?copyright\s*(?:\(c\)|©)|^[^.]{0,60}©\s*\d{4}/i,
  /^for (?:all )?the latest\b.{0,80}\b(?:visit|sign up|follow|download)\b/i,
];

/** Clutter only where the piece ends: the writer's biography, a prompt to follow them. */
const AT_THE_END = [
  /^[\p{Lu}][\p{L}.'’ -]{2,60} is an? (?:[\p{L}-]+ ){0,3}(?:writer|reporter|correspondent|editor|journalist|columnist|contributor|producer|author)\b/u,
  /\bfollow (?:him|her|them|me|us) on (?:twitter|x|instagram|facebook|linkedin)\b/i,
];

const MAX_CLUTTER_LENGTH = 300;

/** Whether a paragraph is clutter where it stands (`last`: among the closing paragraphs). */
export function isClutter(paragraph: string, last = false): boolean {
  // Markdown's emphasis and escapes, and a text browser's form boxes ("[ ] Subscribe"), say nothing here.
  const text = paragraph
    .replace(/[*_`]+|\\(?=\S)|\[ *\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text || text.length > MAX_CLUTTER_LENGTH) return false;
  return ANYWHERE.some((re) => re.test(text)) || (last && AT_THE_END.some((re) => re.test(text)));
}

/** The body without its clutter paragraphs, and what was taken out. */
export function dropClutter(body: string): { body: string; clutter: string[] } {
  const paragraphs = body.split(/\n{2,}/);
  const clutter: string[] = [];
  const kept: string[] = [];
  paragraphs.forEach((paragraph, i) => {
    if (paragraphs.length > 1 && isClutter(paragraph, i >= paragraphs.length - 3)) clutter.push(paragraph.trim());
    else kept.push(paragraph);
  });
  return { body: kept.join('\n\n'), clutter };
}
