/**
 * Files a folder of scraped pages holds that are no page at all: data,
 * images, the scripts and styles a browser saves beside a page, other
 * binaries. `archive import` skips them (counted, not failed); a page that
 * cannot be read is a failure.
 */
import path from 'node:path';
import { MAX_BYTES, refuseBytes } from './index.ts';

/** Extensions of files that are never a page, whatever they hold. */
const NOT_PAGES = new Set(
  (
    'json jsonl ndjson csv tsv xml rss atom yaml yml toml ini css scss less js mjs cjs ts map wasm ' +
    'png jpg jpeg gif webp avif bmp tif tiff ico svg heic psd woff woff2 ttf otf eot ' +
    'mp3 m4a ogg oga wav flac aac mp4 m4v webm mov avi mkv pdf doc docx xls xlsx ppt pptx odt ods odp epub ' +
    'zip gz tgz bz2 xz 7z rar tar exe dll so dylib bin dat db sqlite'
  ).split(' '),
);

/** Extensions of saved pages: one of these holding binary bytes is a broken page (a failure), not something else. */
const PAGES = new Set(['html', 'htm', 'xhtml', 'shtml', 'txt', 'text', 'md', 'markdown']);

/**
 * Why the file `fileName` holding `bytes` is no page (to be skipped), or
 * undefined when it may be one: its extension says data, image, script,
 * style, media or archive; or, without a page's extension, its bytes are
 * binary; or they are JSON.
 */
export function nonPageReason(fileName: string, bytes: Uint8Array): string | undefined {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  if (NOT_PAGES.has(extension)) return `not a page (a .${extension} file)`;
  if (!bytes.length || bytes.length > MAX_BYTES) return undefined;
  const binary = PAGES.has(extension) ? undefined : refuseBytes(bytes);
  if (binary?.startsWith('binary')) return `not a page (${binary.replace(/, not a page$/, '')})`;
  const start = bytes.findIndex((byte) => byte > 0x20);
  if (bytes[start] === 0x7b || bytes[start] === 0x5b) {
    try {
      JSON.parse(Buffer.from(bytes).toString('utf8'));
      return 'not a page (JSON data)';
    } catch {
      // A page that happens to start with a bracket.
    }
  }
  return undefined;
}
