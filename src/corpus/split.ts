// Oversized paragraphs (a whole file on one line, or a scrape that lost its
// line breaks) are cut into sentence-sized pieces so later NLP stays linear
// and citations stay readable.

// Well above real paragraphs (long Wikipedia ones reach ~5,000 characters).
export const MAX_PARAGRAPH = 10_000;
const TARGET = 2000;

/** Splits at sentence ends near TARGET, else at a space, else hard; short text is returned as is. */
export function splitLong(paragraph: string, max = MAX_PARAGRAPH): string[] {
  if (paragraph.length <= max) return [paragraph];
  const out: string[] = [];
  let start = 0;
  const n = paragraph.length;
  while (n - start > max) {
    const window = paragraph.slice(start, start + max);
    let cut = -1;
    // Last sentence end inside the window, preferring one past TARGET.
    const re = /[.!?…]["'”’)\]]*\s+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(window))) {
      cut = m.index + m[0].length;
      if (cut >= TARGET) break;
    }
    if (cut <= 0) {
      const space = window.lastIndexOf(' ');
      cut = space > 0 ? space + 1 : max;
    }
    const piece = paragraph.slice(start, start + cut).trim();
    if (piece) out.push(piece);
    start += cut;
  }
  const tail = paragraph.slice(start).trim();
  if (tail) out.push(tail);
  return out;
}
