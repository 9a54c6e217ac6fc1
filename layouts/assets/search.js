// The search page: the form in layouts/pages/search.njk, run on Pagefind's JavaScript API.
// Its state (words, sort, date range, filters) lives in the address (search-state.js, which is
// src/search/url-state.mjs): restored on load, replaced as the reader types, pushed when a sort,
// range or filter changes, and restored again on back and forward.
// Result URLs in the index are site paths; data-base-url carries the site's path prefix. A large
// archive is indexed in several bundles (src/search/indexer.ts): data-bundles names the others.
import { FILTER_KEYS, activeCount, displayDay, excerptParts, isEmpty, pagefindQuery, readState, writeState } from './search-state.js';

const PAGE = 20;
const VISIBLE_VALUES = 12;
const LABELS = { year: 'Year', tag: 'Tag', person: 'Person', organization: 'Organization', outlet: 'Outlet' };

const root = document.getElementById('search');
const form = document.getElementById('search-form');
if (root && form) start(root, form);

async function start(root, form) {
  const base = root.getAttribute('data-base-url') || '/';
  const others = (root.getAttribute('data-bundles') || '').split(' ').filter((folder) => /^pagefind-\d+\/$/.test(folder));
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  const facets = document.getElementById('search-facets');
  const active = document.getElementById('search-active');
  const input = form.elements.namedItem('q');

  const pagefind = await import(`${base}pagefind/pagefind.js`);
  await pagefind.options({ baseUrl: base, excerptLength: 30 });
  for (const folder of others) await pagefind.mergeIndex(base + folder);
  await pagefind.init();
  const totals = await pagefind.filters();
  const months = Object.keys(totals.month || {});
  const rows = buildFacets(facets, totals);
  form.hidden = false;
  // Wide screens show the filters beside the results, open; phones keep them behind their button.
  if (window.matchMedia('(min-width: 60rem)').matches) document.getElementById('search-filters').open = true;

  let shown = [];
  let results = [];
  let sequence = 0;

  const stateOfForm = () => readState(new URLSearchParams(new FormData(form)));

  function fillForm(state) {
    input.value = state.q;
    form.elements.namedItem('sort').value = state.sort;
    form.elements.namedItem('from').value = state.from;
    form.elements.namedItem('to').value = state.to;
    for (const key of FILTER_KEYS) {
      const wanted = new Set(state.filters[key] || []);
      for (const value of wanted) if (!rows.get(key).has(value)) addRow(rows, facets, key, value, 0);
      for (const [value, row] of rows.get(key)) row.box.checked = wanted.has(value);
    }
  }

  async function run(state) {
    const mine = ++sequence;
    active.textContent = activeCount(state) ? `(${activeCount(state)} active)` : '';
    if (isEmpty(state)) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = 'Type words to search, or choose a filter.';
      updateCounts(rows, totals);
      return;
    }
    const { term, options } = pagefindQuery(state, months);
    const search = await pagefind.search(term, options);
    if (mine !== sequence || !search) return;
    results = search.results;
    shown = [];
    updateCounts(rows, search.filters);
    const first = await load(mine);
    if (!first) return;
    // The list and the count change together, so the status never counts what is not yet shown.
    list.replaceChildren(...first);
    const words = state.q ? ` for “${state.q}”` : '';
    status.textContent = `${results.length === 1 ? '1 article' : `${results.length} articles`}${words}`;
  }

  /** The next page of results as list items; undefined when a newer search has started meanwhile. */
  async function load(mine) {
    const next = results.slice(shown.length, shown.length + PAGE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (mine !== sequence) return undefined;
    shown = shown.concat(next);
    more.hidden = shown.length >= results.length;
    return data.map(resultItem);
  }

  function apply(how) {
    const state = stateOfForm();
    const url = location.pathname + writeState(state);
    if (url !== location.pathname + location.search) history[how === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    return run(state);
  }

  let typing;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => apply('replace'), 250);
  });
  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    clearTimeout(typing);
    apply('push');
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    apply('push');
  });
  document.getElementById('search-clear').addEventListener('click', () => {
    const state = stateOfForm();
    fillForm({ ...state, from: '', to: '', filters: {} });
    apply('push');
  });
  more.addEventListener('click', async () => {
    more.disabled = true;
    const items = await load(sequence);
    more.disabled = false;
    if (items) list.append(...items);
  });
  window.addEventListener('popstate', () => {
    const state = readState(location.search);
    fillForm(state);
    run(state);
  });

  const initial = readState(location.search);
  fillForm(initial);
  await run(initial);
  // For tests and styles: the search has started and shown what the address asks for.
  root.classList.add('search-ready');
}

/** One result: its title linked, its date, and the excerpt built from text (Pagefind marks the words found). */
function resultItem(item) {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.className = 'article-link';
  link.href = item.url;
  // Pagefind gives meta values as the page's text (only excerpts are escaped): set as text, never parsed.
  link.textContent = item.meta.title || item.url;
  li.append(link);
  if (item.meta.date) {
    const meta = document.createElement('span');
    meta.className = 'meta';
    const time = document.createElement('time');
    time.dateTime = item.meta.date;
    time.textContent = displayDay(item.meta.date);
    meta.append(time);
    li.append(' ', meta);
  }
  const excerpt = document.createElement('span');
  excerpt.className = 'summary';
  for (const part of excerptParts(item.excerpt || '')) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    } else excerpt.append(part.text);
  }
  li.append(excerpt);
  return li;
}

/** A fieldset per filter, its values as checkboxes (years newest first, others most used first); returns the rows by filter and value. */
function buildFacets(facets, totals) {
  const rows = new Map();
  for (const key of FILTER_KEYS) {
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'facet';
    fieldset.id = `facet-${key}`;
    const legend = document.createElement('legend');
    legend.textContent = LABELS[key];
    const ul = document.createElement('ul');
    const all = document.createElement('button');
    all.type = 'button';
    all.className = 'facet-all';
    all.hidden = true;
    all.addEventListener('click', () => {
      fieldset.classList.toggle('facet-open');
      all.textContent = fieldset.classList.contains('facet-open') ? 'Show fewer' : all.dataset.label;
      showRows(rows.get(key), fieldset);
    });
    fieldset.append(legend, ul, all);
    facets.append(fieldset);
    rows.set(key, new Map());
    const values = Object.entries(totals[key] || {});
    values.sort(key === 'year' ? (a, b) => b[0].localeCompare(a[0]) : (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [value, count] of values) addRow(rows, facets, key, value, count);
  }
  return rows;
}

function addRow(rows, facets, key, value, count) {
  const byValue = rows.get(key);
  const id = `f-${key}-${byValue.size}`;
  const li = document.createElement('li');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = id;
  box.name = key;
  box.value = value;
  const label = document.createElement('label');
  label.htmlFor = id;
  const number = document.createElement('span');
  number.className = 'count';
  label.append(value, ' ', number);
  li.append(box, ' ', label);
  facets.querySelector(`#facet-${key} ul`).append(li);
  const row = { li, box, number, count };
  number.textContent = `(${count})`;
  byValue.set(value, row);
  return row;
}

/** Sets each value's count for the current search and shows the values with results (the ticked ones always). */
function updateCounts(rows, counts) {
  for (const key of FILTER_KEYS) {
    const byKey = (counts && counts[key]) || {};
    for (const [value, row] of rows.get(key)) {
      row.count = byKey[value] || 0;
      row.number.textContent = `(${row.count})`;
    }
    const fieldset = document.getElementById(`facet-${key}`);
    fieldset.hidden = ![...rows.get(key).values()].some((row) => row.count > 0 || row.box.checked);
    showRows(rows.get(key), fieldset);
  }
}

function showRows(byValue, fieldset) {
  const open = fieldset.classList.contains('facet-open');
  let visible = 0;
  let hidden = 0;
  for (const row of byValue.values()) {
    const wanted = row.box.checked || row.count > 0;
    const show = row.box.checked || (wanted && (open || visible < VISIBLE_VALUES));
    row.li.hidden = !show;
    if (show) visible += 1;
    else if (wanted) hidden += 1;
  }
  const all = fieldset.querySelector('.facet-all');
  if (!open) {
    all.dataset.label = `Show ${hidden} more`;
    all.textContent = all.dataset.label;
  }
  all.hidden = !open && hidden === 0;
}
