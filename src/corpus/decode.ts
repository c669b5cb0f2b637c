// Bytes → text. Files come from scrapers and editors of every kind, so the
// encoding is sniffed rather than assumed.

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
// Legacy Western files are Windows-1252 (curly quotes and dashes in 0x80–0x9F).
// Node's TextDecoder('windows-1252') decodes that range as C1 controls, like
// ISO-8859-1, so the range is mapped by hand; undefined slots stay as is.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013,
  0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

function decodeCp1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes[i - start] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}
const utf16le = new TextDecoder('utf-16le');

function swapBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1];
    out[i + 1] = bytes[i];
  }
  return out;
}

const SAMPLE = 64 * 1024;

/** BOM-less UTF-16: text in Latin script has a zero in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return 'le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return 'be';
  return undefined;
}

/** NUL bytes, or many C0 controls other than whitespace, mean this is not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > n * 0.05;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: utf16le.decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: utf16le.decode(swapBytes(bytes.subarray(2))), encoding: 'utf-16be' };
  }
  const sniffed = sniffUtf16(bytes);
  if (sniffed === 'le') return { ok: true, text: utf16le.decode(bytes), encoding: 'utf-16le' };
  if (sniffed === 'be') return { ok: true, text: utf16le.decode(swapBytes(bytes)), encoding: 'utf-16be' };
  if (looksBinary(bytes)) return { ok: false, reason: 'looks binary' };
  try {
    // The decoder strips a UTF-8 BOM itself (ignoreBOM: false).
    return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ok: true, text: decodeCp1252(bytes), encoding: 'windows-1252' };
  }
}
