import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/site/escape.ts';
import { highwireDate, highwireTags } from '../../src/site/highwire.ts';
import { makeArticle } from '../support/make-article.ts';
import { readEmbeddedMetadata } from '../support/zotero-embedded.ts';

const url = 'https://archive.test/articles/2019/05/x/';

/** The tags as the template writes them (autoescaped attributes), in a page's head. */
function page(tags: [string, string][]): Document {
  const head = tags.map(([name, content]) => `<meta name="${escapeHtml(name)}" content="${escapeHtml(content)}">`).join('\n');
  return parseHTML(`<!DOCTYPE html><html><head>${head}</head><body></body></html>`).document as unknown as Document;
}

describe('Highwire citation tags', () => {
  it('write the day as YYYY/MM/DD', () => {
    expect(highwireDate('2019-05-23')).toBe('2019/05/23');
  });

  it("give Zotero's Embedded Metadata translator every field of the story", () => {
    const article = makeArticle({
      title: 'NATO Threatens Physical Response',
      date: '2019-05-23',
      authors: ['Keith Bradsher', 'Ana Swanson'],
      summary: 'The alliance said so.',
      source: { name: 'Sputnik International', url: 'https://sputniknews.com/x' },
    });
    const item = readEmbeddedMetadata(page(highwireTags(article, url, 'en', ['cyberattack', 'NATO'])));
    expect(item).toEqual({
      itemType: 'journalArticle',
      fields: {
        title: 'NATO Threatens Physical Response',
        date: '2019/05/23',
        publicationTitle: 'Sputnik International',
        publisher: 'Sputnik International',
        abstractNote: 'The alliance said so.',
        url,
        language: 'en',
      },
      creators: [
        { firstName: 'Keith', lastName: 'Bradsher' },
        { firstName: 'Ana', lastName: 'Swanson' },
      ],
      tags: ['cyberattack', 'NATO'],
    });
  });

  it('leave out what the article does not know, and name the outlet by its host when the source has no name', () => {
    const tags = highwireTags(makeArticle({ title: 'T', source: { url: 'https://www.reuters.com/a' } }), url, 'en', []);
    expect(tags.map(([name]) => name)).toEqual([
      'citation_title',
      'citation_publication_date',
      'citation_journal_title',
      'citation_publisher',
      'citation_public_url',
      'citation_abstract_html_url',
      'citation_language',
    ]);
    expect(tags.find(([name]) => name === 'citation_journal_title')![1]).toBe('reuters.com');
  });

  it('keep hostile text inside its attribute, read back as written', () => {
    const title = '"><script>alert(1)</script> & {{ 7 * 7 }}';
    const article = makeArticle({ title, authors: ['<b>Bold</b> Writer'] });
    const document = page(highwireTags(article, url, 'en', ['a;b']));
    expect(document.querySelector('script')).toBeNull();
    const item = readEmbeddedMetadata(document);
    expect(item.fields.title).toBe(title);
    expect(item.creators).toEqual([{ firstName: '<b>Bold</b>', lastName: 'Writer' }]);
    expect(item.tags).toEqual(['a,b']);
  });
});
