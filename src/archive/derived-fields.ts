/**
 * Fields a page derives from its own data, made when first read: an article
 * page's citations and JSON-LD are read by the template of a page that is
 * rendered, and an incremental build renders a few pages of thousands
 * (docs/incremental.md). They are accessor properties, which page
 * fingerprints leave out (src/archive/fingerprint.ts): each is made from the
 * page's data properties, which the fingerprint holds, and from what the
 * cache's key does (the site settings, the code), never from anything else.
 * No I/O: it defines properties on the pages it is given and remembers which.
 */

const derivedKeys = new WeakMap<object, ReadonlySet<string>>();

/** The names of the fields `page` derives (withDerivedFields), if any. */
export const derivedFieldsOf = (page: object): ReadonlySet<string> | undefined => derivedKeys.get(page);

/** `page` with each field of `derive` as an enumerable getter, made from the page once, when first read. */
export function withDerivedFields<T extends object, D extends object>(page: T, derive: { [K in keyof D]: (page: T) => D[K] }): T & D {
  if (derivedKeys.has(page)) throw new Error('withDerivedFields: the page derives fields already');
  const keys = Object.keys(derive) as (keyof D & string)[];
  derivedKeys.set(page, new Set(keys));
  for (const key of keys) {
    if (Object.hasOwn(page, key)) throw new Error(`withDerivedFields: the page has a ${key} of its own`);
    let made = false;
    let value: D[typeof key] | undefined;
    Object.defineProperty(page, key, {
      enumerable: true,
      configurable: false,
      get() {
        if (!made) {
          value = derive[key](page);
          made = true;
        }
        return value;
      },
    });
  }
  return page as T & D;
}
