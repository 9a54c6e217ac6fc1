/**
 * What Zotero's "Embedded Metadata" translator (zotero/translators, the one
 * its browser connector runs on a page without a translator of its own)
 * reads from Highwire `citation_*` meta tags: its HIGHWIRE_MAPPINGS table,
 * one creator per `citation_author` (a "First Last" name split at its last
 * space, "Last, First" at the comma), keywords split on ";", and the item
 * type `journalArticle` that `citation_journal_title` (or, failing it,
 * `citation_title`) makes. A test model of the translator, not its code.
 */

/** Meta name → Zotero field, as the translator maps them. */
export const HIGHWIRE_MAPPINGS: Record<string, string> = {
  citation_title: 'title',
  citation_publication_date: 'date',
  citation_date: 'date',
  citation_journal_title: 'publicationTitle',
  citation_publisher: 'publisher',
  citation_abstract: 'abstractNote',
  citation_public_url: 'url',
  citation_language: 'language',
};

/** The Zotero item the translator would save. */
export interface ZoteroItem {
  itemType?: string;
  fields: Record<string, string>;
  creators: ({ firstName: string; lastName: string } | { lastName: string; fieldMode: 1 })[];
  tags: string[];
}

/** Reads the `<head>` meta tags of `document` as the translator does (the first tag of a name wins for a field). */
export function readEmbeddedMetadata(document: Document): ZoteroItem {
  const metas = [...document.querySelectorAll('head meta[name]')].map((meta) => [
    meta.getAttribute('name')!,
    meta.getAttribute('content') ?? '',
  ]);
  const first = (name: string) => metas.find(([n]) => n === name)?.[1];
  const all = (name: string) => metas.filter(([n]) => n === name).map(([, value]) => value);
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(HIGHWIRE_MAPPINGS)) {
    const value = first(name);
    if (value?.trim() && fields[field] === undefined) fields[field] = value.trim().replace(/\s+/g, ' ');
  }
  const creators = all('citation_author').map((author) => {
    const name = author.trim();
    if (name.includes(',')) {
      const [lastName, firstName] = name.split(/\s*,\s*/, 2) as [string, string];
      return { firstName, lastName };
    }
    const space = name.lastIndexOf(' ');
    return space < 0 ? { lastName: name, fieldMode: 1 as const } : { firstName: name.slice(0, space), lastName: name.slice(space + 1) };
  });
  const tags = all('citation_keywords').flatMap((value) =>
    value
      .split(';')
      .map((tag) => tag.trim())
      .filter(Boolean),
  );
  const itemType = first('citation_journal_title') !== undefined || first('citation_title') !== undefined ? 'journalArticle' : undefined;
  return { itemType, fields, creators, tags };
}
