import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFromHtml, MAX_DEPTH, nestingDepth } from '../../../src/importer/html/index.ts';
import { parseHtml } from '../../../src/importer/html/body.ts';

const paragraphs = [
  'The Cybersecurity and Infrastructure Security Agency published new guidance on Tuesday for operators of water systems, urging them to change default passwords.',
  'Officials said the advisory followed a series of intrusions at small utilities, several of which had exposed control panels directly to the internet.',
  'The agency asked operators to report incidents within seventy-two hours and offered free scanning of internet-facing devices to any utility that asks.',
];

function page({ head = '', before = '', after = '', inside = '' } = {}): string {
  return `<!DOCTYPE html><html><head>${head}</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>Water utilities told to change default passwords</h1>${before}
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}${inside}</article>${after}
<footer><p>Copyright 2019 Example News. All rights reserved.</p></footer></body></html>`;
}

describe('extractFromHtml body', () => {
  it('keeps the article paragraphs in order, one blank line apart', () => {
    const body = extractFromHtml(page()).body;
    expect(body.split('\n\n').filter((b) => b.startsWith('The ') || b.startsWith('Officials'))).toEqual(paragraphs);
    expect(body).not.toContain('All rights reserved');
  });

  it('never lets a script, an iframe or a form reach the body', () => {
    const inside =
      '<script>alert("x")</script><iframe src="https://evil.example/"></iframe><form><input name="q"><button>Go</button></form>';
    const body = extractFromHtml(page({ inside })).body;
    expect(body).not.toMatch(/alert|iframe|evil\.example|<input|button/i);
  });

  it('drops javascript: and data: links but keeps their text', () => {
    const inside =
      '<p>Read <a href="javascript:alert(1)">the advisory</a> and <a href="data:text/html,<b>x</b>">the annex</a> and <a href=" JaVaScRiPt:alert(2)">the FAQ</a> today, the agency said in its statement.</p>';
    const body = extractFromHtml(page({ inside })).body;
    expect(body).toContain('the advisory');
    expect(body).toContain('the annex');
    expect(body).not.toMatch(/javascript|data:/i);
  });

  it("drops event handlers with their elements' markup", () => {
    const inside =
      '<p onclick="steal()" onmouseover="steal()">Operators who changed passwords saw fewer intrusions, the agency said on Tuesday.</p>';
    const body = extractFromHtml(page({ inside })).body;
    expect(body).toContain('Operators who changed passwords');
    expect(body).not.toMatch(/steal|onclick|onmouseover/);
  });

  it('writes markup-looking text as text, never as HTML', () => {
    const inside = '<p>The attackers injected &lt;script src="//x.example/a.js"&gt; into the panel login page, the report said.</p>';
    const body = extractFromHtml(page({ inside })).body;
    expect(body).not.toContain('<script');
    expect(body).toContain('&lt;script');
  });

  it('keeps links, made absolute against the page address', () => {
    const inside =
      '<p>The full text is on <a href="/advisories/aa19-123">the agency site</a>, with a list of affected models and firmware.</p>';
    const body = extractFromHtml(page({ inside }), { url: 'https://news.example.com/2019/05/23/water' }).body;
    expect(body).toContain('[the agency site](https://news.example.com/advisories/aa19-123)');
  });

  it('turns no-break spaces into spaces and leaves images out', () => {
    const inside =
      '<p>Utilities in 12&nbsp;states were affected, according to the agency and state officials.</p><img src="https://x.example/a.jpg" alt="A pump station">';
    const body = extractFromHtml(page({ inside })).body;
    expect(body).toContain('12 states');
    expect(body).not.toMatch(/\u00a0|!\[|a\.jpg/);
  });

  it('sets the lead image caption and related links outside the body', () => {
    const before = '<figure><img src="a.jpg"><figcaption>A pump station in Ohio. Photo: Jane Doe</figcaption></figure>';
    const inside =
      '<h3>Related stories</h3><ul><li><a href="/a">Hackers hit a water plant in Florida</a></li><li><a href="/b">Ransomware gang targets hospitals again</a></li></ul>';
    const extracted = extractFromHtml(page({ before, inside }));
    expect(extracted.body).not.toMatch(/pump station|Hackers hit|Related stories/);
    expect(extracted.image?.caption).toBe('A pump station in Ohio. Photo: Jane Doe');
    expect(extracted.related_headlines).toEqual(['Hackers hit a water plant in Florida', 'Ransomware gang targets hospitals again']);
    expect(extracted.outside).toContain('A pump station in Ohio. Photo: Jane Doe');
  });
});

describe('extractFromHtml metadata', () => {
  it('takes the day the page states in its own offset, and the stated time', () => {
    const head = '<meta property="article:published_time" content="2019-05-23T23:30:00-04:00">';
    const extracted = extractFromHtml(page({ head }));
    expect(extracted.date).toBe('2019-05-23');
    expect(extracted.time).toBe('23:30-04:00');
  });

  it('prefers JSON-LD datePublished over dateModified', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Water utilities told to change default passwords',
      datePublished: '2019-05-24T01:00:00+09:00',
      dateModified: '2019-06-01T10:00:00+09:00',
    };
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script>`;
    expect(extractFromHtml(page({ head })).date).toBe('2019-05-24');
  });

  it('takes the printed local day over a UTC stamp one day later', () => {
    const head = '<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">';
    const before = '<time datetime="2023-11-08T21:11:03-05:00" itemprop="datePublished">November 8, 2023</time>';
    expect(extractFromHtml(page({ head, before })).date).toBe('2023-11-08');
  });

  it('falls back to the date in the URL, then to a date written on the page', () => {
    expect(extractFromHtml(page(), { url: 'https://example.com/2019/05/23/water/' }).date).toBe('2019-05-23');
    expect(extractFromHtml(page({ before: '<p class="meta">Posted on May 21, 2019 by Staff</p>' })).date).toBe('2019-05-21');
  });

  it('states no time when the page gives only a day', () => {
    const extracted = extractFromHtml(page({ head: '<meta name="pubdate" content="2019-05-23">' }));
    expect(extracted.date).toBe('2019-05-23');
    expect(extracted.time).toBeUndefined();
  });

  it('takes the headline without the site name the <title> adds', () => {
    const head =
      '<title>Water utilities told to change default passwords | Example News</title><meta property="og:site_name" content="Example News">';
    expect(extractFromHtml(page({ head })).title).toBe('Water utilities told to change default passwords');
    const bare = '<title>Water utilities told to change default passwords - Example News</title>';
    expect(extractFromHtml(page({ head: bare })).title).toBe('Water utilities told to change default passwords');
  });

  it('reads section, tags in page order, source and summary', () => {
    const head = `<meta property="article:section" content="Infrastructure">
      <meta property="article:tag" content="CISA"><meta property="article:tag" content="water utilities"><meta property="article:tag" content="cisa">
      <meta property="og:site_name" content="Example News"><link rel="canonical" href="https://news.example.com/water">
      <meta name="description" content="Federal officials urged water system operators to change default passwords after intrusions.">`;
    const extracted = extractFromHtml(page({ head }));
    expect(extracted.section).toBe('Infrastructure');
    expect(extracted.tags).toEqual(['CISA', 'water utilities']);
    expect(extracted.source).toEqual({ name: 'Example News', url: 'https://news.example.com/water' });
    expect(extracted.summary).toBe('Federal officials urged water system operators to change default passwords after intrusions.');
    expect(extracted.kind).toBe('html');
  });

  it('leaves CMS plumbing out of the tags and reads "tag:" prefixes as the tag', () => {
    const head = '<meta name="keywords" content="@post-id:1913719, ctp_video, tag:Crime Stoppers USA, Page Type: Article, ransomware">';
    expect(extractFromHtml(page({ head })).tags).toEqual(['Crime Stoppers USA', 'ransomware']);
  });

  it('decodes character references a page escaped twice in its metadata', () => {
    const head = '<title>Australian &amp;#039;megablaze&amp;#039; brought under control</title>';
    expect(extractFromHtml(page({ head })).title).toBe("Australian 'megablaze' brought under control");
  });

  it('reads keywords from JSON-LD when the page has no article:tag', () => {
    const ld = { '@type': 'Article', headline: 'x', keywords: 'ransomware, hospitals, FBI' };
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script>`;
    expect(extractFromHtml(page({ head })).tags).toEqual(['ransomware', 'hospitals', 'FBI']);
  });

  it('does not throw on broken JSON-LD or on any input at all', () => {
    const head = '<script type="application/ld+json">{"@type": "Article", "datePublished": </script>';
    expect(() => extractFromHtml(page({ head }))).not.toThrow();
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (html) => {
        expect(extractFromHtml(html).kind).toBe('html');
      }),
      { numRuns: 100 },
    );
    expect(extractFromHtml('').body).toBe('');
  });
});

describe('extractFromHtml without a readable article', () => {
  it('falls back to the JSON-LD articleBody, as text', () => {
    const text =
      'Officials confirmed the breach on Monday <b>after</b> a week of silence.\nThe company said customer passwords were not exposed, but urged users to reset them anyway as a precaution.\nRegulators in three countries have opened inquiries into how the intrusion went unnoticed for months.';
    const ld = { '@type': 'NewsArticle', headline: 'Breach confirmed', articleBody: text };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><div id="app"></div></body></html>`;
    const body = extractFromHtml(html).body;
    expect(body.split('\n\n')).toHaveLength(3);
    expect(body).toContain('Officials confirmed the breach on Monday &lt;b>after&lt;/b> a week of silence.');
  });
});

describe('extractFromHtml titles', () => {
  it('does not take a masthead h1 that names the site for the headline', () => {
    const html = `<html><head><title>Hackers hit three water plants in one week, officials say | Daily Cyber News</title></head>
      <body><h1>Daily Cyber News</h1><article><h2>Hackers hit three water plants in one week, officials say</h2>
      ${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    expect(extractFromHtml(html).title).toBe('Hackers hit three water plants in one week, officials say');
  });
});

describe('extractFromHtml on a short article in a wrapper whose class sounds like boilerplate', () => {
  it('keeps the article', () => {
    const html = `<html><body><div class="story-body has-share-tools">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    expect(extractFromHtml(html).body).toContain(paragraphs[1]);
  });
});

describe('extractFromHtml date lines', () => {
  it('drops a line that only says when, and keeps a short sentence that mentions a date', () => {
    const before = '<p>PUBLISHED: 10:48, Tue, Nov 19, 2019</p><p>Updated Nov. 19, 2019 8:21 am ET</p>';
    const inside = '<p>The rule took effect on May 5, 2019.</p>';
    const body = extractFromHtml(page({ before, inside })).body;
    expect(body).not.toMatch(/PUBLISHED|Updated Nov/);
    expect(body).toContain('The rule took effect on May 5, 2019.');
  });
});

describe('extractFromHtml prompts', () => {
  it('drops newsletter and follow prompts but keeps a sentence with a link named "email"', () => {
    const inside =
      '<p>Sign up for our daily newsletter to get the latest in your inbox.</p><p>Follow Newsbeat on Instagram, Facebook and Twitter.</p><p>Readers can send tips by <a href="mailto:tips@example.com">email</a> to the security desk at any time of day.</p>';
    const body = extractFromHtml(page({ inside })).body;
    expect(body).not.toMatch(/newsletter|Instagram/);
    expect(body).toContain('send tips by [email](mailto:tips@example.com) to the security desk');
  });
});

describe('extractFromHtml lead image', () => {
  it('reads the caption and the marked credit of the lead figure', () => {
    const before =
      '<figure><img src="a.jpg"><figcaption>Engineers at a pump station in Ohio. <span class="credit">Jane Doe/AP</span></figcaption></figure>';
    const extracted = extractFromHtml(page({ before }));
    expect(extracted.image).toEqual({ caption: 'Engineers at a pump station in Ohio. Jane Doe/AP', credit: 'Jane Doe/AP' });
    expect(extracted.body).not.toContain('Jane Doe');
  });
});

describe('extractFromHtml visible dates', () => {
  it('does not take the site header clock for the publication day', () => {
    const html = `<html><body><header><span>Wednesday, November 25, 2026</span><a href="/">Daily Cyber News</a></header>
      <div class="content"><h1>Water utilities told to change default passwords</h1><p>Posted May 21, 2019</p>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    expect(extractFromHtml(html).date).toBe('2019-05-21');
  });
});

describe('extractFromHtml dates split across elements', () => {
  it('reads a day whose year runs into the time in the markup', () => {
    const before = '<div class="article-date"><span>May 21, 2019</span><span>10:00 AM</span></div>';
    expect(extractFromHtml(page({ before })).date).toBe('2019-05-21');
  });
});

describe('extractFromHtml on hostile markup', () => {
  const pieces = [
    '<p>',
    '</p>',
    '<div class="related">',
    '</div>',
    '<a href="javascript:alert(1)">',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">',
    '<a href="/x">',
    '</a>',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<iframe src="javascript:alert(1)">',
    '<h2>',
    '</h2>',
    '<figure><figcaption>',
    '</figcaption></figure>',
    '&lt;script&gt;',
    '<!--',
    '-->',
    '<![CDATA[',
    '<time datetime="2019-05-23T23:30:00-04:00">',
    ...paragraphs,
    'May 23, 2019',
    '<table><tr><td>',
    '</td></tr></table>',
    '<form action="/x"><input value="y">',
  ];
  it('never throws and never lets script, handlers or script links into the body', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const body = extractFromHtml(`<html><body><article>${parts.join('')}</article></body></html>`).body;
        expect(body).not.toMatch(/<script|<img|<svg|<iframe|onerror|onload|javascript:|data:text/i);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a page nested thousands of boxes deep', () => {
  it('is read as the text it shows, not through Readability, and keeps its words', () => {
    const sentence =
      'Deep words in the innermost box of the page, written as a sentence that an article would hold, with more words to make it prose.';
    const html = `<html><head><title>Deep page</title></head><body>${'<div>'.repeat(3000)}<p>${sentence}</p>${'</div>'.repeat(3000)}</body></html>`;
    const extracted = extractFromHtml(html);
    expect(extracted.title).toBe('Deep page');
    expect(extracted.body).toBe(sentence);
  });

  it('measures nesting without recursion', () => {
    const html = `<html><body>${'<section>'.repeat(50_000)}x${'</section>'.repeat(50_000)}</body></html>`;
    expect(nestingDepth(parseHtml(html).body)).toBeGreaterThan(MAX_DEPTH);
    // A limit against a hang, not a speed figure: parsing 50,000 nested boxes takes seconds on a loaded machine.
  }, 120_000);
});
