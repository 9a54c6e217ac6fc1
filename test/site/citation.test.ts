import { describe, expect, it } from 'vitest';
import { apaCitation, archiveCitations, bibtexCitation, escapeBibtex, ACCESS_DATE_PLACEHOLDER } from '../../src/site/citation.ts';
import { makeArticle } from '../support/make-article.ts';

const url = 'https://example.org/articles/2019/05/not-limited-to-cyberspace-nato-threatens-physical-response/';
const seed = makeArticle({
  title: '‘Not Limited’ to Cyberspace: NATO Threatens Physical Response to Cyberattacks',
  date: '2019-05-23',
  source: { name: 'Sputnik International' },
});

describe('citations', () => {
  it('writes APA with the title first, the stated day, the outlet and the archive URL', () => {
    expect(apaCitation(seed, 'Cyber Policy News Archive', url).text).toBe(
      `‘Not Limited’ to Cyberspace: NATO Threatens Physical Response to Cyberattacks. (2019, May 23). Sputnik International. Cyber Policy News Archive. Retrieved ${ACCESS_DATE_PLACEHOLDER}, from ${url}`,
    );
  });

  it('puts the outlet in italics and the access date in a span the script fills in', () => {
    const { html } = apaCitation(seed, 'Cyber Policy News Archive', url);
    expect(html).toContain('<i>Sputnik International</i>.');
    expect(html).toContain('<span class="access-date" data-access-date="apa">[date accessed]</span>');
  });

  it('escapes scraped text in the HTML version', () => {
    const hostile = makeArticle({ title: '<script>alert(1)</script>', source: { name: 'A & B <i>' } });
    const { html } = apaCitation(hostile, 'Archive', url);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<i>A &amp; B &lt;i&gt;</i>');
  });

  it('writes a BibTeX @misc entry with year, month, day, URL and urldate', () => {
    expect(bibtexCitation(seed, 'Cyber Policy News Archive', url).text).toBe(
      [
        '@misc{notlimitedto2019,',
        '  title = {{‘Not Limited’ to Cyberspace: NATO Threatens Physical Response to Cyberattacks}},',
        '  howpublished = {Sputnik International},',
        '  year = {2019},',
        '  month = may,',
        '  day = {23},',
        `  url = {${url}},`,
        '  urldate = {[date accessed]},',
        '  note = {Archived by Cyber Policy News Archive}',
        '}',
      ].join('\n'),
    );
  });

  it("escapes TeX's special characters", () => {
    expect(escapeBibtex('50% of R&D {costs} #1 a_b $5 ~ ^ \\')).toBe(
      '50\\% of R\\&D \\{costs\\} \\#1 a\\_b \\$5 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
  });
});

describe('a citation of the archive as a whole', () => {
  it('names the version, the year of its newest article and the data page, never the clock', () => {
    const work = {
      name: 'Cyber Policy News Archive',
      publisher: 'Cyber Policy News Archive',
      version: '0.1.0',
      newest: '2021-12-31',
      url: 'https://archive.test/data/',
    };
    const cite = archiveCitations(work);
    expect(cite.apa.text).toBe('Cyber Policy News Archive (Version 0.1.0) [Data set]. (2021). https://archive.test/data/');
    expect(cite.apa.html).toContain('<i>Cyber Policy News Archive</i>');
    expect(cite.bibtex.text).toBe(
      '@misc{cyberpolicynewsarchive2021,\n  author = {{Cyber Policy News Archive}},\n  title = {{Cyber Policy News Archive}},\n  year = {2021},\n  version = {0.1.0},\n  howpublished = {Data set},\n  url = {https://archive.test/data/}\n}',
    );
    expect(archiveCitations({ ...work, publisher: 'Lab & Co.' }).apa.text).toBe(
      'Lab & Co. (2021). Cyber Policy News Archive (Version 0.1.0) [Data set]. https://archive.test/data/',
    );
    expect(archiveCitations({ ...work, publisher: 'Lab & Co.' }).apa.html).toMatch(/^Lab &amp; Co\. \(2021\)/);
  });
});
