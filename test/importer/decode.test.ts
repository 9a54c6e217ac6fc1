import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/importer/decode.ts';

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
