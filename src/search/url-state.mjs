// @ts-check
/**
 * The search page's state in its address, pure: no DOM, no Pagefind. The
 * search page's script (layouts/assets/search.js) imports this file, which the
 * archive plugin copies to /assets/search-state.js; it is plain JavaScript
 * (types in JSDoc, checked by `npm run typecheck`) so the browser runs the very
 * file the tests import. docs/pages.md ("Search") says what the address holds.
 *
 * `/search/?q=cyber+command&sort=newest&from=2019-01&to=2020-06&year=2019&tag=NATO`
 * - q: the words typed;
 * - sort: `newest` or `oldest` (relevance when absent);
 * - from, to: months `YYYY-MM`, both ends included;
 * - year, tag, person, organization, outlet: filter values, repeated for several
 *   (any of a filter's values, all of the filters).
 * The query string is the search form's own GET submission, so a plain
 * submit and the script's address agree.
 */

/** The filters the search offers, in the order the page shows them. */
export const FILTER_KEYS = /** @type {const} */ (['year', 'tag', 'person', 'organization', 'outlet']);

/** The orders the search offers; `relevance` is the default and is left out of the address. */
export const SORTS = /** @type {const} */ (['relevance', 'newest', 'oldest']);

/** The longest query kept from an address. */
export const MAX_QUERY = 200;
/** The most values kept per filter from an address. */
export const MAX_VALUES = 50;

/**
 * @typedef {(typeof SORTS)[number]} Sort
 * @typedef {(typeof FILTER_KEYS)[number]} FilterKey
 * @typedef {{ q: string, sort: Sort, from: string, to: string, filters: Record<string, string[]> }} SearchState
 */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Whether `value` is a month written `YYYY-MM`.
 * @param {unknown} value
 * @returns {value is string}
 */
export function isMonth(value) {
  return typeof value === 'string' && MONTH.test(value);
}

/**
 * The state an address's query string (`?q=...`, or URLSearchParams) holds;
 * anything unknown or malformed is left out.
 * @param {string | URLSearchParams} search
 * @returns {SearchState}
 */
export function readState(search) {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const q = (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
  const sortParam = params.get('sort');
  const sort = /** @type {Sort} */ (SORTS.find((s) => s === sortParam) ?? 'relevance');
  const fromParam = params.get('from');
  const toParam = params.get('to');
  let from = isMonth(fromParam) ? fromParam : '';
  let to = isMonth(toParam) ? toParam : '';
  if (from && to && from > to) [from, to] = [to, from];
  /** @type {Record<string, string[]>} */
  const filters = {};
  for (const key of FILTER_KEYS) {
    const values = [
      ...new Set(
        params
          .getAll(key)
          .map((value) => value.trim())
          .filter(Boolean),
      ),
    ].slice(0, MAX_VALUES);
    if (values.length) filters[key] = values;
  }
  return { q, sort, from, to, filters };
}

/**
 * The query string for a state (`?q=...`, or `''` for an empty one), in a fixed
 * order: q, sort, from, to, then the filters in FILTER_KEYS order.
 * @param {SearchState} state
 * @returns {string}
 */
export function writeState(state) {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * How many narrowing choices are on: each filter value ticked, and the date
 * range as one.
 * @param {SearchState} state
 */
export function activeCount(state) {
  let count = state.from || state.to ? 1 : 0;
  for (const key of FILTER_KEYS) count += state.filters[key]?.length ?? 0;
  return count;
}

/**
 * Whether the state asks for nothing: no words, no filter, no range.
 * @param {SearchState} state
 */
export function isEmpty(state) {
  return !state.q.trim() && activeCount(state) === 0;
}

/**
 * The months among `months` (the index's `month` filter values) within the
 * state's range, both ends included; undefined when there is no range.
 * @param {readonly string[]} months
 * @param {Pick<SearchState, 'from' | 'to'>} range
 * @returns {string[] | undefined}
 */
export function monthsInRange(months, range) {
  if (!range.from && !range.to) return undefined;
  return months.filter((month) => (!range.from || month >= range.from) && (!range.to || month <= range.to)).sort();
}

/** A month value no article has: asked for when a range holds no month with articles, so the search finds nothing. */
export const NO_MONTH = '0000-00';

/**
 * What to ask Pagefind for: the term (null for a search by filters alone),
 * the filters (any of a filter's values, all of the filters; the range as the
 * months it holds) and the sort (by the `date` sort key the article pages
 * carry; newest first when there are no words to rank by).
 * @param {SearchState} state
 * @param {readonly string[]} months the index's `month` filter values
 * @returns {{ term: string | null, options: { filters: Record<string, { any: string[] }>, sort?: Record<string, 'asc' | 'desc'> } }}
 */
export function pagefindQuery(state, months) {
  /** @type {Record<string, { any: string[] }>} */
  const filters = {};
  for (const key of FILTER_KEYS) {
    const values = state.filters[key];
    if (values?.length) filters[key] = { any: [...values] };
  }
  const inRange = monthsInRange(months, state);
  if (inRange) filters.month = { any: inRange.length ? inRange : [NO_MONTH] };
  const term = state.q.trim() || null;
  const sort = state.sort === 'relevance' ? (term ? undefined : 'newest') : state.sort;
  return { term, options: { filters, ...(sort ? { sort: { date: sort === 'newest' ? 'desc' : 'asc' } } : {}) } };
}

/**
 * A Pagefind excerpt (text in which `<mark>` marks the words found, other
 * characters escaped as entities) as plain-text parts, so the page builds it
 * from text nodes and never parses it as HTML.
 * @param {string} excerpt
 * @returns {{ text: string, mark: boolean }[]}
 */
export function excerptParts(excerpt) {
  /** @type {{ text: string, mark: boolean }[]} */
  const parts = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else if (piece) parts.push({ text: decodeEntities(piece), mark });
  }
  return parts;
}

/** @type {Record<string, string>} */
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Decodes the character references Pagefind writes in excerpts and titles.
 * @param {string} text
 */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * "23 May 2019" for `2019-05-23`, as the pages write a day (src/filters/display-date.ts); anything else as given.
 * @param {string} day
 */
export function displayDay(day) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const name = match && MONTH_NAMES[Number(match[2]) - 1];
  return match && name ? `${Number(match[3])} ${name} ${match[1]}` : day;
}
