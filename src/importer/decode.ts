import iconv from 'iconv-lite';

/**
 * Saved pages arrive as bytes in whatever encoding the site used. The page
 * usually says which (a BOM, `<meta charset>`, an http-equiv Content-Type, an
 * XML declaration); when it does not, valid UTF-8 is UTF-8 and anything else
 * is taken as windows-1252, the encoding browsers fall back to for Latin text.
 */

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** Labels browsers treat as another encoding (WHATWG Encoding Standard). */
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'x-sjis': 'shift_jis',
  utf8: 'utf-8',
  unicode: 'utf-16le',
  'utf-16': 'utf-16le',
};

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  for (const [mark, encoding] of BOMS) {
    if (mark.every((b, i) => bytes[i] === b)) return { encoding, length: mark.length };
  }
  return undefined;
}

/** The charset a page declares in its first bytes, as a label iconv-lite knows. */
export function declaredCharset(bytes: Uint8Array, hint?: 'html' | 'text'): string | undefined {
  // The HTML spec looks at the first 1024 bytes; real pages put long scripts
  // before the meta tag, so look further.
  const head = Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  const patterns = [/^\s*<\?xml[^>]*encoding\s*=\s*["']?([\w.:-]+)/i];
  if (hint !== 'text') {
    patterns.push(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i, /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i);
  }
  for (const pattern of patterns) {
    const match = pattern.exec(head);
    if (!match) continue;
    const label = normalizeLabel(match[1]!);
    if (label) return label;
  }
  return undefined;
}

function normalizeLabel(raw: string): string | undefined {
  const label = raw.trim().toLowerCase();
  const known = ALIASES[label] ?? label;
  return iconv.encodingExists(known) ? known : undefined;
}

/**
 * Counts well-formed UTF-8 multibyte sequences and bytes that fit none. A
 * page with many good sequences and a stray bad byte is UTF-8 with a scrape
 * error, not windows-1252: reading it as the latter would garble every quote.
 */
export function utf8Evidence(bytes: Uint8Array): { sequences: number; invalid: number } {
  let sequences = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      sequences++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { sequences, invalid };
}

/**
 * Decodes a saved page or text dump to a string. Never throws: bytes that do
 * not fit the encoding become U+FFFD.
 */
export function decodeBytes(bytes: Uint8Array, hint?: 'html' | 'text'): string {
  return decodePage(bytes, hint).text;
}

/**
 * Decodes a page, checking the charset it declares against its bytes: valid
 * UTF-8 beyond ASCII that declares another charset (windows-1251,
 * ISO-8859-1, ...) is read as UTF-8, since read in the declared one it would
 * be mojibake; a page declaring UTF-8 whose bytes mostly are not is read as
 * windows-1252. `note` says when the declaration was overruled.
 */
export function decodePage(bytes: Uint8Array, hint?: 'html' | 'text'): { text: string; encoding: string; note?: string } {
  const bom = bomEncoding(bytes);
  if (bom) return { text: iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding), encoding: bom.encoding };
  const declared = declaredCharset(bytes, hint);
  let encoding = declared;
  // A page that says UTF-8 but is not (or says Latin-1 and is UTF-8) is common:
  // valid UTF-8 beyond ASCII is almost never an accident, so trust the bytes.
  const { sequences, invalid } = utf8Evidence(bytes);
  const valid = invalid === 0;
  // Mostly UTF-8: a few bad bytes among many good sequences become U+FFFD.
  const mostlyUtf8 = valid || sequences >= 4 * invalid;
  if (encoding === 'utf-8' && !mostlyUtf8) encoding = 'windows-1252';
  if (encoding && encoding !== 'utf-8' && !encoding.startsWith('utf-16') && valid && sequences > 0) encoding = 'utf-8';
  if (!encoding) encoding = mostlyUtf8 ? 'utf-8' : 'windows-1252';
  const text = iconv.decode(Buffer.from(bytes), encoding);
  if (!declared || declared === encoding) return { text, encoding };
  const why = encoding === 'utf-8' ? 'its bytes are valid UTF-8 (read as declared, they would be mojibake)' : 'its bytes are not UTF-8';
  return { text, encoding, note: `the page declares the charset ${declared}, but ${why}: read as ${encoding}` };
}
