import { describe, expect, it } from 'vitest';
import { derivedFieldsOf, lazyFieldsOf, withDerivedFields } from '../../src/archive/derived-fields.ts';
import { pageFingerprints } from '../../src/archive/fingerprint.ts';
import { makeArticle } from '../support/make-article.ts';

describe('derived fields', () => {
  const made: string[] = [];
  const derive = {
    label: (p: { name: string }) => {
      made.push(`label ${p.name}`);
      return `<${p.name}>`;
    },
  };
  const lazy = {
    body: (p: { name: string }) => {
      made.push(`body ${p.name}`);
      return p.name.toUpperCase();
    },
  };

  it('are made once per page, when first read, from the page read', () => {
    made.length = 0;
    const one = withDerivedFields({ name: 'one' }, derive, lazy);
    const two = withDerivedFields({ name: 'two' }, derive, lazy);
    expect(made).toEqual([]);
    expect(two.label).toBe('<two>');
    expect(two.label).toBe('<two>');
    expect(one.body).toBe('ONE');
    expect(one.label).toBe('<one>');
    expect(made).toEqual(['label two', 'body one', 'label one']);
  });

  it("are one prototype's getters for every page given the same objects, never own properties", () => {
    const one = withDerivedFields({ name: 'one' }, derive, lazy);
    const two = withDerivedFields({ name: 'two' }, derive, lazy);
    expect(Object.getPrototypeOf(one)).toBe(Object.getPrototypeOf(two));
    expect(Object.getPrototypeOf(one)).not.toBe(Object.prototype);
    expect(Object.keys(one)).toEqual(['name']);
    expect(JSON.stringify(two)).toBe('{"name":"two"}');
    expect([...derivedFieldsOf(one)!]).toEqual(['label']);
    expect([...lazyFieldsOf(one)!]).toEqual(['body']);
    expect(derivedFieldsOf({ name: 'plain' })).toBeUndefined();
    // Read on the prototype itself (an inspector, a formatter): nothing made.
    made.length = 0;
    expect((Object.getPrototypeOf(one) as { label?: string }).label).toBeUndefined();
    expect(made).toEqual([]);
    // Another derive object: another prototype.
    const other = withDerivedFields({ name: 'three' }, { label: () => 'x' });
    expect(Object.getPrototypeOf(other)).not.toBe(Object.getPrototypeOf(one));
    expect(lazyFieldsOf(other)!.size).toBe(0);
  });

  it('refuse a page that derives already, has such a field of its own, or one derive object with another lazy one', () => {
    const page = withDerivedFields({ name: 'one' }, derive, lazy);
    expect(() => withDerivedFields(page, { other: () => 1 })).toThrow(/derives fields already/);
    expect(() => withDerivedFields({ name: 'x', label: 'own' }, derive, lazy)).toThrow(/has a label of its own/);
    expect(() => withDerivedFields({ name: 'x' }, derive, { body: () => 'other' })).toThrow(/another lazy one/);
  });

  it("leave a fingerprint only with a rule for each lazy field: an article page's HTML is never left out", () => {
    const article = makeArticle({ title: 'Summit', date: '2019-05-23' });
    const data = (page: object) => ({
      articles: [page] as never,
      entityPages: [],
      indexes: [],
      yearPages: [],
      incidentPages: [],
      storylinePages: [],
    });
    const page = withDerivedFields({ article }, {}, { body: () => 'text' });
    expect(() => pageFingerprints(data(page), 'others')).not.toThrow();
    // The article pages' rule gives `html` alone: another lazy field fails the fingerprint.
    expect(() => pageFingerprints(data(page), 'articles')).toThrow(/lazy field body has no rule/);
    const html = (text: string) => withDerivedFields({ article }, {}, { html: () => text });
    const of = (text: string) => pageFingerprints(data(html(text)), 'articles').get(article.url)!.fingerprint;
    expect(of('<p>one</p>')).toBe(of('<p>one</p>'));
    expect(of('<p>one</p>')).not.toBe(of('<p>two</p>'));
  });
});
