import { describe, expect, it } from 'vitest';
import { displayDate } from '../../src/filters/display-date.ts';
import {
  activeCount,
  decodeEntities,
  displayDay,
  excerptParts,
  isEmpty,
  monthsInRange,
  NO_MONTH,
  pagefindQuery,
  readState,
  writeState,
} from '../../src/search/url-state.mjs';

describe('the search state in the address', () => {
  it('reads words, sort, range and filters, and writes them back in one order', () => {
    const state = readState('?tag=NATO&q=cyber%20command&year=2019&year=2020&sort=newest&from=2019-01&to=2020-06');
    expect(state).toEqual({
      q: 'cyber command',
      sort: 'newest',
      from: '2019-01',
      to: '2020-06',
      filters: { year: ['2019', '2020'], tag: ['NATO'] },
    });
    expect(writeState(state)).toBe('?q=cyber+command&sort=newest&from=2019-01&to=2020-06&year=2019&year=2020&tag=NATO');
    expect(readState(writeState(state))).toEqual(state);
  });

  it('reads what the search form submits, empty fields and all', () => {
    const state = readState('?q=NATO&sort=relevance&from=&to=&person=Jens+Stoltenberg');
    expect(state).toEqual({ q: 'NATO', sort: 'relevance', from: '', to: '', filters: { person: ['Jens Stoltenberg'] } });
    expect(writeState(state)).toBe('?q=NATO&person=Jens+Stoltenberg');
  });

  it('leaves out what it does not know or cannot use', () => {
    const state = readState(`?q=${'a'.repeat(300)}&sort=random&from=2019-13&to=yesterday&colour=red&tag=&tag=%20&year=2019&year=2019`);
    expect(state.q).toHaveLength(200);
    expect(state.sort).toBe('relevance');
    expect([state.from, state.to]).toEqual(['', '']);
    expect(state.filters).toEqual({ year: ['2019'] });
  });

  it('turns a range written backwards around', () => {
    expect(readState('?from=2021-03&to=2019-01')).toMatchObject({ from: '2019-01', to: '2021-03' });
  });

  it('keeps characters of any kind in words and filter values, and writes nothing for an empty state', () => {
    const state = readState(`?q=${encodeURIComponent('<script>&"x"')}&outlet=${encodeURIComponent('AT&T News')}`);
    expect(state.q).toBe('<script>&"x"');
    expect(readState(writeState(state))).toEqual(state);
    expect(writeState(readState(''))).toBe('');
    expect(isEmpty(readState('?q=%20%20'))).toBe(true);
  });

  it('counts each ticked value and the range as one active choice', () => {
    expect(activeCount(readState('?q=x'))).toBe(0);
    expect(activeCount(readState('?year=2019&year=2020&tag=NATO&from=2019-01'))).toBe(4);
    expect(activeCount(readState('?from=2019-01&to=2019-02'))).toBe(1);
  });
});

describe('what the search page asks Pagefind', () => {
  const months = ['2018-12', '2019-01', '2019-05', '2020-02'];

  it('keeps the months of a range, both ends included', () => {
    expect(monthsInRange(months, { from: '2019-01', to: '2019-05' })).toEqual(['2019-01', '2019-05']);
    expect(monthsInRange(months, { from: '2019-02', to: '' })).toEqual(['2019-05', '2020-02']);
    expect(monthsInRange(months, { from: '', to: '2018-12' })).toEqual(['2018-12']);
    expect(monthsInRange(months, { from: '', to: '' })).toBeUndefined();
  });

  it('asks for any of a filter’s values and all of the filters, sorted by date when asked', () => {
    expect(pagefindQuery(readState('?q=NATO&year=2019&year=2020&tag=Russia&sort=oldest'), months)).toEqual({
      term: 'NATO',
      options: { filters: { year: { any: ['2019', '2020'] }, tag: { any: ['Russia'] } }, sort: { date: 'asc' } },
    });
    expect(pagefindQuery(readState('?q=NATO'), months)).toEqual({ term: 'NATO', options: { filters: {} } });
  });

  it('searches by filters alone newest first, and finds nothing for a range without articles', () => {
    expect(pagefindQuery(readState('?from=2019-02&to=2019-04'), months)).toEqual({
      term: null,
      options: { filters: { month: { any: [NO_MONTH] } }, sort: { date: 'desc' } },
    });
    expect(pagefindQuery(readState('?from=2019-01&to=2019-12&sort=oldest'), months).options).toEqual({
      filters: { month: { any: ['2019-01', '2019-05'] } },
      sort: { date: 'asc' },
    });
  });
});

describe('excerpts and titles from the index', () => {
  it('splits an excerpt into text and marked words, decoding character references and never reading HTML', () => {
    expect(excerptParts('NATO &amp; the <mark>EU</mark> said &lt;b&gt; <mark>cyber</mark>')).toEqual([
      { text: 'NATO & the ', mark: false },
      { text: 'EU', mark: true },
      { text: ' said <b> ', mark: false },
      { text: 'cyber', mark: true },
    ]);
    expect(excerptParts('<img src=x onerror=alert(1)>')).toEqual([{ text: '<img src=x onerror=alert(1)>', mark: false }]);
  });

  it('decodes named and numeric references and leaves anything else as written', () => {
    expect(decodeEntities('&#39;x&#x27; &quot;y&quot; &nbsp;&bogus; &#0; &#xD800;')).toBe('\'x\' "y" \u00a0&bogus; &#0; &#xD800;');
  });
});

describe('the day a result shows', () => {
  it('is written as the pages write it', () => {
    for (const day of ['2019-05-23', '2021-12-01', '2016-01-31']) expect(displayDay(day)).toBe(displayDate(day));
    expect(displayDay('2019-13-01')).toBe('2019-13-01');
    expect(displayDay('soon')).toBe('soon');
  });
});
