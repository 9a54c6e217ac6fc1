import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodePage } from '../../src/importer/decode.ts';

const page = (head: string, body: string) => `<html><head>${head}</head><body><p>${body}</p></body></html>`;

describe('decodeBytes', () => {
  it('follows a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Café ünd', 'utf8')]);
    expect(decodeBytes(bytes)).toBe('Café ünd');
  });

  it('follows a UTF-16 byte order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode('Привет', 'utf-16le')]);
    expect(decodeBytes(bytes)).toBe('Привет');
  });

  it('reads windows-1251 declared by <meta charset>', () => {
    const bytes = iconv.encode(page('<meta charset="windows-1251">', 'Кибербезопасность'), 'windows-1251');
    expect(decodeBytes(bytes, 'html')).toContain('Кибербезопасность');
  });

  it('reads shift_jis declared by an http-equiv Content-Type', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">';
    const bytes = iconv.encode(page(head, '不正に改造したiPhone'), 'shift_jis');
    expect(decodeBytes(bytes, 'html')).toContain('不正に改造したiPhone');
  });

  it('reads iso-8859-1 as windows-1252, as browsers do', () => {
    const bytes = iconv.encode(page('<meta charset="iso-8859-1">', 'Déjà vu – “quoted”'), 'windows-1252');
    expect(decodeBytes(bytes, 'html')).toContain('Déjà vu – “quoted”');
  });

  it('reads the encoding of an XML declaration', () => {
    const bytes = iconv.encode('<?xml version="1.0" encoding="ISO-8859-1"?><html><body>Zürich</body></html>', 'latin1');
    expect(decodeBytes(bytes)).toContain('Zürich');
  });

  it('takes undeclared valid UTF-8 as UTF-8', () => {
    expect(decodeBytes(Buffer.from(page('', 'Māori tribes'), 'utf8'))).toContain('Māori tribes');
  });

  it('falls back to windows-1252 for undeclared bytes that are not UTF-8', () => {
    const bytes = iconv.encode(page('', 'naïve café'), 'windows-1252');
    expect(decodeBytes(bytes)).toContain('naïve café');
  });

  it('does not throw on invalid UTF-8 declared as UTF-8', () => {
    const bytes = new Uint8Array([...Buffer.from('<meta charset="utf-8"><p>ok '), 0xc3, 0x28, 0xff, 0xfe, 0x80]);
    expect(() => decodeBytes(bytes, 'html')).not.toThrow();
    expect(decodeBytes(bytes, 'html')).toContain('ok');
  });

  it('ignores a charset it does not know', () => {
    expect(decodeBytes(Buffer.from(page('<meta charset="x-made-up">', 'plain'), 'utf8'), 'html')).toContain('plain');
  });
});

describe('decodePage', () => {
  it('reads valid UTF-8 that declares a single-byte charset as UTF-8, with a note, where the declared charset gives mojibake', () => {
    const bytes = Buffer.from(page('<meta charset="windows-1251">', 'Кибербезопасность НАТО'), 'utf8');
    expect(iconv.decode(bytes, 'windows-1251')).not.toContain('Кибербезопасность');
    const read = decodePage(bytes, 'html');
    expect(read.text).toContain('Кибербезопасность НАТО');
    expect(read.encoding).toBe('utf-8');
    expect(read.note).toBe(
      'the page declares the charset windows-1251, but its bytes are valid UTF-8 (read as declared, they would be mojibake): read as utf-8',
    );
  });

  it('does the same for a multi-byte charset', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">';
    const read = decodePage(Buffer.from(page(head, '不正に改造したiPhone'), 'utf8'), 'html');
    expect(read.text).toContain('不正に改造したiPhone');
    expect(read.note).toMatch(/declares the charset shift_jis, but its bytes are valid UTF-8/);
  });

  it('keeps the declared charset, without a note, when the bytes are in it', () => {
    const read = decodePage(iconv.encode(page('<meta charset="windows-1251">', 'Кибербезопасность'), 'windows-1251'), 'html');
    expect(read).toMatchObject({ encoding: 'windows-1251' });
    expect(read.note).toBeUndefined();
    expect(decodePage(Buffer.from(page('<meta charset="windows-1251">', 'plain ASCII'), 'utf8'), 'html').note).toBeUndefined();
  });

  it('notes a page that declares UTF-8 whose bytes are not', () => {
    const read = decodePage(iconv.encode(page('<meta charset="utf-8">', 'naïve café déjà'), 'windows-1252'), 'html');
    expect(read.text).toContain('naïve café déjà');
    expect(read.note).toBe('the page declares the charset utf-8, but its bytes are not UTF-8: read as windows-1252');
  });
});
