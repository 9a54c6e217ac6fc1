import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRegistry, parseRegistry } from '../../../src/content/registry.ts';
import { extractPeople } from '../../../src/importer/people/index.ts';
import { repoRoot } from '../../support/build.ts';

interface SeedReference {
  front_matter: { title: string; people: string[] };
  tags_line: string[];
  body_paragraphs: string[];
  background: {
    lead_image: { caption: string; credit: string };
    related: string[];
    inline_teasers: Array<{ image_caption: string; image_credit: string; headline: string }>;
  };
}

const seedDir = path.join(repoRoot, 'test/fixtures/seed');
const reference = JSON.parse(readFileSync(path.join(seedDir, '000_151c953cb90d2c3b.expected.json'), 'utf8')) as SeedReference;
const { background } = reference;
const seed = {
  title: reference.front_matter.title,
  body: reference.body_paragraphs.map((p) => p.replace(/\u00a0/g, ' ')).join('\n\n'),
  tags: reference.tags_line,
  outside: [
    background.lead_image.caption,
    background.lead_image.credit,
    ...background.related,
    ...background.inline_teasers.flatMap((t) => [t.image_caption, t.image_credit, t.headline]),
  ],
};

describe('extractPeople', () => {
  describe('on the seed article', () => {
    it('finds exactly the four people of the reference, in order of first mention', () => {
      expect(extractPeople(seed)).toEqual(['Jens Stoltenberg', 'Jeremy Hunt', 'Sergei Skripal', 'Yulia Skripal']);
      expect(reference.front_matter.people).toEqual(['Jens Stoltenberg', 'Jeremy Hunt', 'Sergei Skripal', 'Yulia Skripal']);
    });

    it('leaves out the photographers of the credits and the names of the teaser headline', () => {
      const people = extractPeople(seed);
      for (const name of ['Kacper Pempel', 'Aleksei Vitvitsky', 'Hitler', 'Stalin']) expect(people).not.toContain(name);
    });

    it('finds the same four from the body alone, without the tags', () => {
      expect(extractPeople({ body: seed.body })).toEqual(['Jens Stoltenberg', 'Jeremy Hunt', 'Sergei Skripal', 'Yulia Skripal']);
    });

    it('gives the same answer whatever the registry, since the seed people are in the text', () => {
      const registry = parseRegistry(readFileSync(path.join(repoRoot, 'content/_data/people.yaml'), 'utf8'), 'people.yaml');
      expect(registry.ok).toBe(true);
      if (registry.ok) expect(extractPeople(seed, registry.registry)).toEqual(extractPeople(seed));
    });
  });

  it('strips titles before a name', () => {
    expect(extractPeople({ body: 'UK Foreign Minister Jeremy Hunt spoke in London.' })).toEqual(['Jeremy Hunt']);
    expect(extractPeople({ body: 'The bill was signed by President Barack Obama on Friday.' })).toEqual(['Barack Obama']);
    expect(extractPeople({ body: 'Sen. Richard Burr and Dr. Anne Neuberger met on Tuesday.' })).toEqual(['Richard Burr', 'Anne Neuberger']);
  });

  it('folds later surname-only mentions into the full name', () => {
    const body =
      'Jens Stoltenberg opened the meeting.\n\nLater, Stoltenberg said the alliance was ready. "We are prepared," Stoltenberg added.';
    expect(extractPeople({ body })).toEqual(['Jens Stoltenberg']);
  });

  it('names a relative by the family name of the person just mentioned', () => {
    const body = 'The poisoning of former Russian intelligence officer Sergei Skripal and his daughter Yulia strained relations.';
    expect(extractPeople({ body })).toEqual(['Sergei Skripal', 'Yulia Skripal']);
  });

  it('recognises people by what they do in the sentence, not only by a known first name', () => {
    expect(extractPeople({ body: '"We will appeal," said Yegor Stroyev, the speaker of the upper house.' })).toEqual(['Yegor Stroyev']);
    expect(extractPeople({ body: 'The ruling was criticised by Frantisek Gaulieder, 51, a former deputy.' })).toEqual([
      'Frantisek Gaulieder',
    ]);
  });

  it('does not take organisations, places or days for people', () => {
    const body =
      'The National Cyber Security Centre shared information with New York officials on Thursday. The Pentagon and Microsoft Corp declined to comment.';
    expect(extractPeople({ body })).toEqual([]);
  });

  it('leaves out photographers named in a credit line of the body', () => {
    const body =
      'Jens Stoltenberg spoke in Brussels.\n\n© REUTERS / Kacper Pempel\n\nPhoto: Aleksei Vitvitsky\n\nA man at a keyboard. Kacper Pempel/Reuters';
    expect(extractPeople({ body })).toEqual(['Jens Stoltenberg']);
  });

  it('keeps the people of a paragraph that merely mentions a photo', () => {
    expect(extractPeople({ body: 'The photo by the agency shows Jeremy Hunt in London, Hunt said.' })).toEqual(['Jeremy Hunt']);
  });

  it('leaves out names that stand only in the text around the article', () => {
    const body = 'NATO officials met in London.\n\nNATO Sec Gen Stoltenberg Says Hitler, Stalin and Daesh Were Enemies of Freedom';
    expect(extractPeople({ body, outside: ['NATO Sec Gen Stoltenberg Says Hitler, Stalin and Daesh Were Enemies of Freedom'] })).toEqual(
      [],
    );
  });

  it('maps registry aliases onto the canonical name', () => {
    const registry = createRegistry([
      { name: 'Sergei Skripal', aliases: ['Sergey Skripal'] },
      { name: 'Jens Stoltenberg', aliases: ['Stoltenberg'] },
    ]);
    expect(extractPeople({ body: 'Former spy Sergey Skripal was discharged from hospital.' }, registry)).toEqual(['Sergei Skripal']);
    expect(extractPeople({ body: 'NATO chief Stoltenberg warned of cyberattacks.' }, registry)).toEqual(['Jens Stoltenberg']);
    expect(extractPeople({ body: 'NATO chief Stoltenberg warned of cyberattacks.' })).toEqual(['Stoltenberg']);
  });

  it('adds people from the Tags line who are not in the text, after those who are', () => {
    expect(extractPeople({ body: 'Jeremy Hunt spoke.', tags: ['cyberattack', 'Jens Stoltenberg', 'Jeremy Hunt'] })).toEqual([
      'Jeremy Hunt',
      'Jens Stoltenberg',
    ]);
  });

  it('is deterministic', () => {
    expect(extractPeople(seed)).toEqual(extractPeople(seed));
  });
});

describe('extractPeople on lists and tables', () => {
  it('takes a whole list of names for people when a role heading introduces it', () => {
    expect(extractPeople({ body: 'Goalkeepers - Bogdan Stelea, Florin Prunea.' })).toEqual(['Bogdan Stelea', 'Florin Prunea']);
  });

  it('takes the rest of a comma list for people when a third of it are', () => {
    const body = 'Defenders - Dan Petrescu, Daniel Prodan, Cornel Papura, Tibor Selymess.';
    expect(extractPeople({ body })).toEqual(['Dan Petrescu', 'Daniel Prodan', 'Cornel Papura', 'Tibor Selymess']);
  });

  it('folds the surnames of a scorecard into the players named with initials', () => {
    const body = 'S. Campbell c Healy b Gillespie 31\n\nI. Healy not out 12\n\nJ. Gillespie b Walsh 4';
    expect(extractPeople({ body })).toEqual(['S. Campbell', 'I. Healy', 'J. Gillespie']);
  });

  it('reads batting and bowling lines of a scorecard as players', () => {
    const body = 'Saeed Anwar c Healy b Reiffel 14\n\nBowling: Wasim Akram 10-1-42-3, Saqlain Mushtaq 10-0-40-1';
    expect(extractPeople({ body })).toEqual(['Saeed Anwar', 'Wasim Akram', 'Saqlain Mushtaq']);
  });

  it('reads the scorers in brackets of a results line as players, one-word names too', () => {
    const body =
      'Lazio 2 (Signori 23, Casiraghi 40) Roma 1 (Balbo 60).\n\nReal Madrid 2 (Davor Suker 24, Predrag Mijatovic 48) Barcelona 0.';
    expect(extractPeople({ body })).toEqual(['Signori', 'Casiraghi', 'Balbo', 'Davor Suker', 'Predrag Mijatovic']);
  });

  it('leaves out teams in a results table and codes such as H1', () => {
    expect(extractPeople({ body: "Southampton 0 Aston Villa 1\n\nDenmark's Radiometer H1 result seen flat." })).toEqual([]);
  });

  it('reads a Markdown link by its text, never by its address', () => {
    expect(extractPeople({ body: 'As [Jeremy Hunt](https://example.org/Boris-Johnson) said, the threat is real.' })).toEqual([
      'Jeremy Hunt',
    ]);
  });
});

describe('extractPeople on headlines and compounds', () => {
  it('splits a Title Case headline at its verbs, so names do not run into them', () => {
    expect(extractPeople({ title: 'Clinton Says Boris Yeltsin Is Recovering Well', body: 'The talks went on.' })).toEqual([
      'Clinton',
      'Boris Yeltsin',
    ]);
  });

  it('keeps name particles inside a name', () => {
    expect(extractPeople({ body: 'Goals from Pierre Van Hooydonk and Paolo Di Canio (Celtic) decided it.' })).toEqual([
      'Pierre Van Hooydonk',
      'Paolo Di Canio',
    ]);
  });

  it('does not read a descriptive compound as part of a name', () => {
    expect(extractPeople({ body: "Nissan's NASA-inspired Zero Gravity Seats come with heating." })).toEqual([]);
  });
});

describe('extractPeople on any text', () => {
  it('never throws, and every name it returns is made of words of the text', () => {
    const word = fc.constantFrom(
      'Jens',
      'Stoltenberg',
      'said',
      'President',
      'the',
      'NATO',
      'his',
      'daughter',
      'Yulia',
      ',',
      '.',
      '\n',
      '©',
      '/',
      '-',
      '(',
      '7',
      'Van',
      "O'Brien's",
      'É',
      'K.J.',
      'Constructor',
      '__proto__',
      'Prototype',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.string()), { maxLength: 40 }), (parts) => {
        const body = parts.join(' ');
        const people = extractPeople({ body });
        expect(new Set(people).size).toBe(people.length);
        for (const name of people) for (const w of name.split(' ')) expect(body).toContain(w);
      }),
    );
  });
});
