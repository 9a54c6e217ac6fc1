import { describe, expect, it } from 'vitest';
import { incidentIndex, incidentLinks } from '../../src/collections/incidents.ts';
import { makeArticle } from '../support/make-article.ts';

const systems = [
  { prefix: 'eurepoc', name: 'EuRepoC', url: 'https://eurepoc.example/?id={id}' },
  { prefix: 'cfr', name: 'CFR tracker', url: 'https://cfr.example/{id}' },
];
const later = makeArticle({ date: '2020-01-02', incidents: ['eurepoc:20', 'cfr:b'], source: { name: 'Reuters' } });
const earlier = makeArticle({ date: '2019-05-23', incidents: ['eurepoc:20'], source: { name: 'The Record' } });
const other = makeArticle({ date: '2019-06-01', incidents: ['eurepoc:3'], source: { name: 'Reuters' } });
const none = makeArticle({ date: '2019-07-01' });
const index = incidentIndex([later, none, other, earlier], systems);

describe('incidentIndex', () => {
  it('lists each incident named once, system by system in the registry’s order', () => {
    expect(index.incidents.map((i) => i.id)).toEqual(['eurepoc:20', 'eurepoc:3', 'cfr:b']);
    expect(index.systems.map((g) => [g.system.prefix, g.incidents.length])).toEqual([
      ['eurepoc', 2],
      ['cfr', 1],
    ]);
  });

  it('gives each incident its page, its record and its reports oldest first, with their outlets', () => {
    const incident = index.byId.get('eurepoc:20')!;
    expect(incident).toMatchObject({
      url: '/incidents/eurepoc/20/',
      recordUrl: 'https://eurepoc.example/?id=20',
      outlets: ['The Record', 'Reuters'],
    });
    expect(incident.articles).toEqual([earlier, later]);
    expect(incident.reports).toEqual([
      { article: earlier, outlet: { name: 'The Record' } },
      { article: later, outlet: { name: 'Reuters' } },
    ]);
  });

  it('links an article to its incidents in the order it names them', () => {
    expect(incidentLinks(index, later)).toEqual([
      { id: 'eurepoc:20', url: '/incidents/eurepoc/20/', recordUrl: 'https://eurepoc.example/?id=20', systemName: 'EuRepoC' },
      { id: 'cfr:b', url: '/incidents/cfr/b/', recordUrl: 'https://cfr.example/b', systemName: 'CFR tracker' },
    ]);
  });

  it('names each report’s outlet as the site does, with its page, when told how', () => {
    const named = incidentIndex([earlier, none], systems, (a) =>
      a.source?.name ? { name: `${a.source.name} (registry)`, url: '/outlets/x/' } : undefined,
    );
    expect(named.byId.get('eurepoc:20')!.reports).toEqual([
      { article: earlier, outlet: { name: 'The Record (registry)', url: '/outlets/x/' } },
    ]);
  });

  it('stops on an identifier of no record system, naming the file (the store refuses those first)', () => {
    expect(() => incidentIndex([makeArticle({ incidents: ['x:1'] })], systems)).toThrow(/incident x:1 has no record system/);
  });
});
