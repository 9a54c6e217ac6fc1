/**
 * The names most often named alongside one entity, and alongside the names
 * of one article. Every name of the archive is numbered (its place in a
 * `Numbering`), and names are counted in typed arrays by number: at 10,000
 * articles the facets add up 4 million counts, which took 0.8 s counted in
 * maps by URL.
 */
import type { EntityLink } from './entities.ts';

/** One name and how many of the entity's articles also name it. */
export interface NamedWith extends EntityLink {
  count: number;
}

/** Every name with a page, numbered: name `n` is `names[n]` at `urls[n]`. Names of one kind are unique. */
export interface Numbering {
  names: readonly string[];
  urls: readonly string[];
}

/** Per kind (in the order the counter was given them), the numbers of the names an article gives of that kind, each once. */
export type NumberedLinks = readonly (readonly number[])[];

/** The names of one kind most often named with something, most first, as numbers and their counts. */
export interface Counted {
  ids: number[];
  counts: number[];
}

/** A tally of names of one kind by number, emptied by `take`. */
class Tally {
  readonly #counts: Int32Array;
  readonly #touched: number[] = [];
  readonly #names: readonly string[];

  constructor(names: readonly string[]) {
    this.#names = names;
    this.#counts = new Int32Array(names.length);
  }

  add(id: number, by: number): void {
    if (this.#counts[id] === 0) this.#touched.push(id);
    this.#counts[id]! += by;
  }

  /**
   * The `limit` names counted most, leaving out `skip`: more counted first,
   * then in the order of the names' UTF-16 code units, so every build lists
   * them the same way; a sort of the few kept, not of all (a common tag's
   * articles name thousands). Empties the tally.
   */
  take(limit: number, skip: readonly number[] = []): Counted {
    const counts = this.#counts;
    const names = this.#names;
    // Whether name a comes before name b: names of one kind are unique, so two never tie.
    const before = (a: number, b: number) => counts[a]! > counts[b]! || (counts[a] === counts[b] && names[a]! < names[b]!);
    const ids: number[] = [];
    if (limit > 0)
      for (const id of this.#touched) {
        if (skip.includes(id)) continue;
        if (ids.length === limit && !before(id, ids[limit - 1]!)) continue;
        let at = ids.length;
        while (at > 0 && before(id, ids[at - 1]!)) at--;
        ids.splice(at, 0, id);
        if (ids.length > limit) ids.pop();
      }
    const kept = { ids, counts: ids.map((id) => counts[id]!) };
    for (const id of this.#touched) counts[id] = 0;
    this.#touched.length = 0;
    return kept;
  }
}

/** Counts names named together, for the kinds given (facet kinds), by number. */
export class NamedWithCounter {
  readonly #numbering: Numbering;
  /** Each name's link, made when first asked for (link). */
  readonly #links: (EntityLink | undefined)[] = [];
  readonly #tallies: Tally[];

  constructor(numbering: Numbering, kinds: number) {
    this.#numbering = numbering;
    this.#tallies = Array.from({ length: kinds }, () => new Tally(numbering.names));
  }

  /**
   * For each kind, counts over the entity's own articles only each name of
   * that kind they name (`articles` gives each article's names by number),
   * leaves out the entity itself, and keeps the `limit` most frequent. The
   * work is the names of the entity's articles, never a scan of the whole
   * archive; all kinds in one pass.
   */
  each(entity: number, articles: Iterable<NumberedLinks>, limit: number): Counted[] {
    const tallies = this.#tallies;
    for (const links of articles)
      for (let kind = 0; kind < tallies.length; kind++) {
        const tally = tallies[kind]!;
        for (const id of links[kind]!) if (id !== entity) tally.add(id, 1);
      }
    return tallies.map((tally) => tally.take(limit));
  }

  /**
   * The names of the kind `kind` most often named with an article's own
   * names: the lists (`each`) of its names `own` added up, its own names of
   * that kind (`skip`) left out, the `limit` most frequent kept. Without
   * counts: the page shows the names, and an article page need not change
   * whenever a count elsewhere does.
   */
  all(
    own: readonly number[],
    listsOf: (id: number) => readonly Counted[],
    kind: number,
    skip: readonly number[],
    limit: number,
  ): EntityLink[] {
    const tally = this.#tallies[kind]!;
    for (const id of own) {
      const list = listsOf(id)[kind]!;
      for (let at = 0; at < list.ids.length; at++) tally.add(list.ids[at]!, list.counts[at]!);
    }
    return tally.take(limit, skip).ids.map((id) => this.link(id));
  }

  /** The names of `counted` with their counts, as pages list them. */
  named(counted: Counted): NamedWith[] {
    // Each field written out: on Node 20 a literal that begins with a spread and adds to it ({ ...link, count })
    // gives every object a shape of its own (test/content/shapes.test.ts).
    return counted.ids.map((id, at) => {
      const link = this.link(id);
      return { name: link.name, url: link.url, count: counted.counts[at]! };
    });
  }

  /** The link of the name numbered `id`: one object per name, made once, shared by every list that names it (never changed). */
  link(id: number): EntityLink {
    let link = this.#links[id];
    if (!link) {
      link = { name: this.#numbering.names[id]!, url: this.#numbering.urls[id]! };
      this.#links[id] = link;
    }
    return link;
  }
}
