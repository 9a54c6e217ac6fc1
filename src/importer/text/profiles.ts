/**
 * Site profiles: what a few outlets' dumps say about themselves, declared as
 * data. They sit on top of the generic rules and only add: the outlet's name,
 * lines that are always furniture there, and whether the top-of-page clock is
 * the site's header clock (the serving time, not the publication time).
 */
import type { Line } from './lines.ts';

/** What one outlet's pages look like in a text dump. */
export interface SiteProfile {
  /** The outlet, as `source.name`. */
  name: string;
  /** The profile applies when any line of the dump matches one of these. */
  detect: RegExp[];
  /** Lines that are never the article's text on this site. */
  furniture: RegExp[];
  /** The article ends before the first line matching one of these. */
  endMarkers: RegExp[];
}

/** The known outlets. */
export const SITE_PROFILES: readonly SiteProfile[] = [
  {
    name: 'Sputnik International',
    detect: [/\bsputniknews\.com\b/i, /\bfrom Sputnik International\b/],
    furniture: [/^(?:\d{1,2}:\d{2} \d{2}\.\d{2}\.\d{4})?Get short URL$/, /^Listen Live$/, /^\d+(?: \d+)*$/],
    endMarkers: [/^Community standards/],
  },
];

/** The first profile whose detector matches a line of the dump, if any. */
export function detectProfile(lines: readonly Line[], profiles: readonly SiteProfile[] = SITE_PROFILES): SiteProfile | undefined {
  return profiles.find((profile) => lines.some((line) => profile.detect.some((re) => re.test(line.text))));
}
