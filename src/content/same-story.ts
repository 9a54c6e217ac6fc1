/**
 * One story told twice: the same article imported from its text dump and
 * from its HTML, or two outlets running one wire story. Each text is read as
 * overlapping runs of five words (shingles); two texts are the same story
 * when at least 80 % of the shorter one's shingles stand in the longer one
 * (containment, so a copy with a paragraph of page furniture more or less
 * still counts; half when both give one day and one headline). Shingles are sampled by their hash (about one in four, the
 * same ones in every text), so comparing an article with a whole archive
 * looks up a few hundred numbers, not its text; the index is a sorted array
 * of numbers, a few bytes a shingle, so 100,000 articles fit in memory.
 * Pure: no files.
 */

/** The share of the shorter text's shingles the longer must hold for one story. */
export const SAME_STORY_SHARE = 0.8;
/**
 * The share enough when both state the same day and one headline holds the
 * other ("These Weeks in Firefox: Issue 85" and "... – Firefox Nightly News"):
 * a text dump read less completely than its page still tells that story.
 */
export const SAME_HEADLINE_SHARE = 0.5;

/** What a story's page says of it besides its text: its day and its headline. */
export interface Headline {
  day: string;
  title: string;
}

/** Whether two headlines of one day are one: one holds the other, and the shorter is no mere label (four words or more). */
export function sameHeadline(a: Headline | undefined, b: Headline | undefined): boolean {
  if (!a || !b || a.day !== b.day) return false;
  const fold = (t: string): string =>
    ` ${t
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()} `;
  const [x, y] = [fold(a.title), fold(b.title)].sort((p, q) => p.length - q.length) as [string, string];
  return x.trim().split(' ').length >= 4 && y.includes(x);
}

/** Below this many sampled shingles (about 60 words) a text is too short to tell; only identical bodies count then. */
const MIN_SAMPLE = 12;
const WORDS_PER_SHINGLE = 5;
const SAMPLE_ONE_IN = 4;
/** A shingle in more texts than this is boilerplate ("click here to subscribe to our"), no evidence of one story. */
const MAX_SHARED_BY = 64;
/** Owners are packed beside a 32-bit hash into one exactly representable double: 2^21 owners. */
const OWNER_BITS = 2 ** 21;

/** The sampled shingles of a Markdown body, as sorted, distinct 32-bit hashes. */
export function storyPrint(markdown: string): Uint32Array {
  const words =
    markdown
      // Link targets and images are addresses, not words of the story.
      .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/https?:\/\/\S+/g, ' ')
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const sample = new Set<number>();
  for (let i = 0; i + WORDS_PER_SHINGLE <= words.length; i++) {
    let hash = 0x811c9dc5;
    for (let k = i; k < i + WORDS_PER_SHINGLE; k++) {
      const word = words[k]!;
      for (let c = 0; c < word.length; c++) hash = Math.imul(hash ^ word.charCodeAt(c), 0x01000193);
      hash = Math.imul(hash ^ 0x20, 0x01000193);
    }
    hash >>>= 0;
    if (hash % SAMPLE_ONE_IN === 0) sample.add(hash);
  }
  return Uint32Array.from(sample).sort();
}

/** The share of the smaller print found in the larger one (0 when either is too short to tell). */
export function sharedShare(a: Uint32Array, b: Uint32Array): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length < MIN_SAMPLE) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < small.length && j < large.length) {
    if (small[i] === large[j]) {
      shared++;
      i++;
      j++;
    } else if (small[i]! < large[j]!) i++;
    else j++;
  }
  return shared / small.length;
}

/** An index of story prints: which stories already held are the same story as a new one. */
export class StoryIndex<K> {
  private readonly keys: K[] = [];
  private readonly prints: Uint32Array[] = [];
  private readonly headlines: Array<Headline | undefined> = [];
  /**
   * Every hash of every story held, in ascending order, and beside each its
   * owner (the story's number), ascending among equal hashes; built on the
   * first query from the stories added so far.
   */
  private hashes = new Uint32Array(0);
  private owners = new Uint32Array(0);
  private built = false;
  /** Stories added after the sorted part was built (an import's own new articles). */
  private readonly recent = new Map<number, number[]>();

  /** Adds a story (a key, such as its file, its print, and its day and headline when known). */
  add(key: K, print: Uint32Array, headline?: Headline): void {
    if (print.length < MIN_SAMPLE) return;
    const owner = this.keys.length;
    if (owner >= OWNER_BITS) throw new Error('more stories than the same-story index holds');
    this.keys.push(key);
    this.prints.push(print);
    this.headlines.push(headline);
    if (this.built) {
      for (const hash of print) {
        const list = this.recent.get(hash);
        if (list) list.push(owner);
        else this.recent.set(hash, [owner]);
      }
    }
  }

  /** The stories that are the same story as `print`, best first, with the share; `self` is left out. */
  sameAs(print: Uint32Array, self?: K, headline?: Headline): Array<{ key: K; share: number }> {
    if (print.length < MIN_SAMPLE) return [];
    if (!this.built) this.build();
    const counts = new Map<number, number>();
    const count = (owner: number): void => {
      if (this.keys[owner] !== self) counts.set(owner, (counts.get(owner) ?? 0) + 1);
    };
    for (const hash of print) {
      let at = lowerBound(this.hashes, hash);
      const end = hash === 0xffffffff ? this.hashes.length : lowerBound(this.hashes, hash + 1);
      if (end - at <= MAX_SHARED_BY) for (; at < end; at++) count(this.owners[at]!);
      for (const owner of this.recent.get(hash) ?? []) count(owner);
    }
    return this.shares(print.length, counts, headline);
  }

  /** Every pair of stories that are one story, each once (the earlier added first), with the share. */
  pairs(): Array<{ a: K; b: K; share: number }> {
    this.build();
    const counts = new Map<number, number>();
    const { hashes, owners } = this;
    for (let start = 0; start < hashes.length; ) {
      const hash = hashes[start]!;
      let end = start + 1;
      while (end < hashes.length && hashes[end] === hash) end++;
      if (end - start <= MAX_SHARED_BY) {
        for (let i = start; i < end; i++) {
          for (let j = i + 1; j < end; j++) {
            const pair = owners[i]! * OWNER_BITS + owners[j]!;
            counts.set(pair, (counts.get(pair) ?? 0) + 1);
          }
        }
      }
      start = end;
    }
    const out: Array<{ a: K; b: K; share: number }> = [];
    for (const [pair, shared] of counts) {
      const a = Math.floor(pair / OWNER_BITS);
      const b = pair % OWNER_BITS;
      const smaller = Math.min(this.prints[a]!.length, this.prints[b]!.length);
      const share = shared / smaller;
      if (share >= this.threshold(this.headlines[a], this.headlines[b])) out.push({ a: this.keys[a]!, b: this.keys[b]!, share });
    }
    return out;
  }

  /**
   * Sorts the hashes of every story added so far into one array, owners
   * beside them; later additions wait in `recent` until the next full build.
   * A radix sort, stable, of hashes laid out by owner: each hash's owners
   * stay ascending (sorting hash * 2^21 + owner as numbers took 0.15 s at
   * 10,000 articles, 1.5 million hashes).
   */
  private build(): void {
    let total = 0;
    for (const print of this.prints) total += print.length;
    let hashes = new Uint32Array(total);
    let owners = new Uint32Array(total);
    let at = 0;
    this.prints.forEach((print, owner) => {
      hashes.set(print, at);
      owners.fill(owner, at, at + print.length);
      at += print.length;
    });
    let nextHashes = new Uint32Array(total);
    let nextOwners = new Uint32Array(total);
    const starts = new Uint32Array(1 << 16);
    for (const shift of [0, 16]) {
      starts.fill(0);
      for (let i = 0; i < total; i++) starts[(hashes[i]! >>> shift) & 0xffff]!++;
      let sum = 0;
      for (let digit = 0; digit < starts.length; digit++) {
        const count = starts[digit]!;
        starts[digit] = sum;
        sum += count;
      }
      for (let i = 0; i < total; i++) {
        const to = starts[(hashes[i]! >>> shift) & 0xffff]!++;
        nextHashes[to] = hashes[i]!;
        nextOwners[to] = owners[i]!;
      }
      [hashes, nextHashes] = [nextHashes, hashes];
      [owners, nextOwners] = [nextOwners, owners];
    }
    this.hashes = hashes;
    this.owners = owners;
    this.built = true;
    this.recent.clear();
  }

  private shares(length: number, counts: Map<number, number>, headline: Headline | undefined): Array<{ key: K; share: number }> {
    const out: Array<{ key: K; share: number }> = [];
    for (const [owner, shared] of counts) {
      const share = shared / Math.min(length, this.prints[owner]!.length);
      if (share >= this.threshold(headline, this.headlines[owner])) out.push({ key: this.keys[owner]!, share });
    }
    return out.sort((x, y) => y.share - x.share);
  }

  private threshold(a: Headline | undefined, b: Headline | undefined): number {
    return sameHeadline(a, b) ? SAME_HEADLINE_SHARE : SAME_STORY_SHARE;
  }
}

/** The first position in `sorted` whose value is at least `value`. */
function lowerBound(sorted: Uint32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Groups of keys that are one story (each group of two or more, in the order keys were given). */
export function sameStoryGroups<K>(stories: ReadonlyArray<{ key: K; print: Uint32Array; headline?: Headline }>): K[][] {
  const index = new StoryIndex<K>();
  for (const story of stories) index.add(story.key, story.print, story.headline);
  const parent = new Map<K, K>();
  const root = (key: K): K => {
    let k = key;
    while (parent.has(k)) k = parent.get(k)!;
    return k;
  };
  for (const { a, b } of index.pairs()) {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const groups = new Map<K, K[]>();
  for (const story of stories) {
    const r = root(story.key);
    const group = groups.get(r);
    if (group) group.push(story.key);
    else groups.set(r, [story.key]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}
