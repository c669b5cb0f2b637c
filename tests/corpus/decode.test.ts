// Bytes → text sniffing, independent of the file system.
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/corpus/index.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (d: ReturnType<typeof decodeBytes>) => (d.ok ? d.text : `!${d.reason}`);

describe('decodeBytes', () => {
  it('decodes UTF-8 and strips its BOM', () => {
    expect(text(decodeBytes(Buffer.from('\uFEFFcafé “x”', 'utf8')))).toBe('café “x”');
  });

  it('falls back to Windows-1252 (curly quotes in 0x80–0x9F) when the bytes are not UTF-8', () => {
    const d = decodeBytes(bytes(0x93, 0x63, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x6f, 0x6b));
    expect(d.ok && d.encoding).toBe('windows-1252');
    expect(text(d)).toBe('“café” – ok');
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([bytes(0xff, 0xfe), Buffer.from('Zürich “x”', 'utf16le')]);
    const be = Buffer.concat([bytes(0xfe, 0xff), Buffer.from('Zürich “x”', 'utf16le').swap16()]);
    expect(text(decodeBytes(le))).toBe('Zürich “x”');
    expect(text(decodeBytes(be))).toBe('Zürich “x”');
  });

  it('recognises BOM-less UTF-16 instead of calling it binary', () => {
    const le = Buffer.from('The minister said on Monday that the plan works.', 'utf16le');
    expect(text(decodeBytes(le))).toBe('The minister said on Monday that the plan works.');
    expect(text(decodeBytes(Buffer.from(le).swap16()))).toBe('The minister said on Monday that the plan works.');
  });

  it('reports empty and binary input', () => {
    expect(text(decodeBytes(bytes()))).toBe('!empty');
    expect(text(decodeBytes(bytes(0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x00)))).toBe('!looks binary');
    const controls = Buffer.from('ab\u0001\u0002\u0003\u0004\u0005\u0006cd\u000e\u000f\u0010\u0011'.repeat(20), 'latin1');
    expect(text(decodeBytes(controls))).toBe('!looks binary');
  });

  it('accepts tabs, form feeds and CRLF as text', () => {
    expect(text(decodeBytes(Buffer.from('a\tb\r\nc\fd', 'utf8')))).toBe('a\tb\r\nc\fd');
  });
});
