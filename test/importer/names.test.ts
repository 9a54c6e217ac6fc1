import { describe, expect, it } from 'vitest';
import { namesOf } from '../../src/importer/names.ts';
import { emptyExtracted, type Extracted } from '../../src/importer/types.ts';

const page = (fields: Partial<Extracted>): Extracted => ({ ...emptyExtracted('html'), ...fields });
const body =
  'Jens Stoltenberg told officials in London that NATO would respond. The UK welcomed it, Reuters reported, and the Kremlin said nothing.';

describe('the names of an article', () => {
  it('are the names its body gives, never one only its headline or keywords give', () => {
    const names = namesOf(page({ title: 'Hunt and Putin clash over NATO', body, tags: ['Vladimir Putin', 'Germany', 'cyber'] }));
    expect(names.people).toEqual(['Jens Stoltenberg']);
    expect(names.places).toEqual(['London', 'UK']);
    expect(names.tags).toEqual(['cyber']);
  });

  it("take the page's own keyword for a place the text names in short", () => {
    expect(namesOf(page({ body, tags: ['United Kingdom'] })).places).toEqual(['London', 'United Kingdom']);
  });

  it('credit the byline as authors and never file them as people or tags', () => {
    const names = namesOf(page({ body: `${body} Keith Bradsher said so.`, authors: ['Keith Bradsher'], tags: ['Keith Bradsher'] }));
    expect(names.authors).toEqual(['Keith Bradsher']);
    expect(names.people).not.toContain('Keith Bradsher');
    expect(names.tags).toEqual([]);
  });

  it('never file a story under the outlet that published it', () => {
    const names = namesOf(page({ body, source: { name: 'Reuters' }, tags: ['Reuters'] }));
    expect(names.organizations).toEqual(['NATO']);
    expect(names.tags).toEqual([]);
  });
});
