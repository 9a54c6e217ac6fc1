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
  'latin1': 'windows-1252',
  'us-ascii': 'windows-1252',
  'ascii': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'x-sjis': 'shift_jis',
  'utf8': 'utf-8',
  'unicode': 'utf-16le',
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
    patterns.push(
      /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i,
      /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i,
    );
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

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a saved page or text dump to a string. Never throws: bytes that do
 * not fit the encoding become U+FFFD.
 */
export function decodeBytes(bytes: Uint8Array, hint?: 'html' | 'text'): string {
  const bom = bomEncoding(bytes);
  if (bom) return iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding);
  let encoding = declaredCharset(bytes, hint);
  // A page that says UTF-8 but is not (or says Latin-1 and is UTF-8) is common:
  // valid UTF-8 beyond ASCII is almost never an accident, so trust the bytes.
  const valid = isValidUtf8(bytes);
  if (encoding === 'utf-8' && !valid) encoding = 'windows-1252';
  if (encoding === 'windows-1252' && valid && hasMultibyte(bytes)) encoding = 'utf-8';
  if (!encoding) encoding = valid ? 'utf-8' : 'windows-1252';
  return iconv.decode(Buffer.from(bytes), encoding);
}

function hasMultibyte(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}
