/**
 * Fields a page derives from its own data, made when first read: an article
 * page's citations and JSON-LD are read by the template of a page that is
 * rendered, and an incremental build renders a few pages of thousands
 * (docs/incremental.md). They are accessor properties, which page
 * fingerprints leave out (src/archive/fingerprint.ts): each is made from the
 * page's data properties, which the fingerprint holds, and from what the
 * cache's key does (the site settings, the code), never from anything else.
 * No I/O: it gives the pages it is given a prototype of getters, and
 * remembers what each page made.
 */

/** The names of the fields each prototype made here derives (not its lazy fields). */
const derivedKeys = new WeakMap<object, ReadonlySet<string>>();
/** The names of the lazy fields each prototype made here gives. */
const lazyKeys = new WeakMap<object, ReadonlySet<string>>();
/** The prototype made for each `derive` object, with the `lazy` object it was made with. */
const prototypes = new WeakMap<object, { proto: object; lazy: object }>();
/** Each page's fields made so far, by name: only the pages whose fields were read have one. */
const madeOf = new WeakMap<object, Map<string, unknown>>();

/** The lazy fields of a page given none: one object, so its prototype is found again. */
const NO_LAZY = Object.freeze({});

/** The names of the fields `page` derives (withDerivedFields), if any. */
export const derivedFieldsOf = (page: object): ReadonlySet<string> | undefined => {
  const proto = Object.getPrototypeOf(page) as object | null;
  return proto === null ? undefined : derivedKeys.get(proto);
};

/** The names of the lazy fields `page` is given (withDerivedFields), if any: data its own properties do not hold. */
export const lazyFieldsOf = (page: object): ReadonlySet<string> | undefined => {
  const proto = Object.getPrototypeOf(page) as object | null;
  return proto === null ? undefined : lazyKeys.get(proto);
};

/** A getter of the field `key`, made from the page it is read on by `make`, once; undefined when read on the prototype itself (an inspector's look). */
function getter(key: string, make: (page: object) => unknown): (this: object) => unknown {
  return function (this: object) {
    if (derivedKeys.has(this)) return undefined;
    let made = madeOf.get(this);
    if (!made) {
      made = new Map();
      madeOf.set(this, made);
    }
    if (made.has(key)) return made.get(key);
    const value = make(this);
    made.set(key, value);
    return value;
  };
}

/**
 * `page` with each field of `derive`, and of `lazy`, as a getter that makes
 * it from the page once, when first read. The getters are those of one
 * prototype per `derive` object, which `page` is given (its own prototype
 * that prototype's): made once per kind of page, `derive` and `lazy` make
 * every page of the kind share one shape. Getters of each page's own (a
 * closure per page and field, as an object literal's `get` makes) left
 * V8 a shape per page, or a dictionary of the page's properties: about
 * 30 MB at 10,000 articles, which every build's garbage collector copied.
 * The page's own properties are its data; the fields of `derive` are left
 * out of its fingerprint (derivedFieldsOf, fingerprint.ts), those of `lazy`
 * are data made late (an article page's HTML), which its fingerprint gives
 * by its own rule. Neither is an own property: JSON.stringify and
 * Object.keys see only the data.
 */
export function withDerivedFields<T extends object, D extends object, L extends object = object>(
  page: T,
  derive: { [K in keyof D]: (page: T) => D[K] },
  lazy: { [K in keyof L]: (page: T) => L[K] } = NO_LAZY as { [K in keyof L]: (page: T) => L[K] },
): T & D & L {
  if (derivedFieldsOf(page)) throw new Error('withDerivedFields: the page derives fields already');
  let made = prototypes.get(derive);
  if (made && made.lazy !== lazy) throw new Error('withDerivedFields: one derive object with another lazy one');
  if (!made) {
    const proto = Object.create(Object.getPrototypeOf(page) as object | null) as object;
    const keys = Object.keys(derive);
    for (const [key, make] of Object.entries({ ...lazy, ...derive }) as [string, (page: object) => unknown][]) {
      if (Object.hasOwn(lazy, key) && Object.hasOwn(derive, key)) throw new Error(`withDerivedFields: ${key} both derived and lazy`);
      Object.defineProperty(proto, key, { enumerable: true, configurable: false, get: getter(key, make) });
    }
    derivedKeys.set(proto, new Set(keys));
    lazyKeys.set(proto, new Set(Object.keys(lazy)));
    made = { proto, lazy };
    prototypes.set(derive, made);
  }
  for (const key of [...Object.keys(derive), ...Object.keys(lazy)])
    if (Object.hasOwn(page, key)) throw new Error(`withDerivedFields: the page has a ${key} of its own`);
  Object.setPrototypeOf(page, made.proto);
  return page as T & D & L;
}
