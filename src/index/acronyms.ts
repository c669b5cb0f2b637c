import { fold } from '../nlp/terms.ts';

// Small words an acronym usually skips: "Harakat-ul-Noor Front" → HNF, "Ministry of Foreign Affairs" → MOFA or MFA.
const SKIPPABLE = new Set(['of', 'the', 'and', 'for', 'e', 'i', 'a', 'al', 'ul', 'on', 'in', '&']);

/**
 * Finds "Long Name (LN)" definitions in a sentence: the acronym's letters must be the initials of
 * the capitalised words just before the bracket, so the pairs come from the corpus, not a list.
 */
export function findAcronyms(text: string): [string, string][] {
  const found: [string, string][] = [];
  for (const m of text.matchAll(/\(([A-Z][A-Za-z&]{1,9})\)/g)) {
    const acronym = m[1];
    const letters = acronym.replace(/[^A-Z]/g, '');
    if (letters.length < 2) continue;
    const before = text.slice(0, m.index).trimEnd();
    const words = [...before.matchAll(/[^\s\-–]+/g)];
    const start = matchInitials(
      words.map((w) => w[0]),
      letters,
    );
    if (start !== undefined) {
      const expansion = before.slice(words[start].index).replace(/[,;:]$/, '');
      found.push([fold(acronym), expansion]);
    }
  }
  return found;
}

/** Index of the first word of the expansion, matching initials from the right. */
function matchInitials(words: string[], letters: string): number | undefined {
  let li = letters.length - 1;
  let start = words.length;
  for (let wi = words.length - 1; wi >= 0 && li >= 0; wi--) {
    const w = words[wi].replace(/[’']s$/, '').replace(/[^\p{L}&]/gu, '');
    if (!w) return undefined;
    if (SKIPPABLE.has(w.toLowerCase()) && w[0].toUpperCase() !== letters[li]) continue;
    const small = SKIPPABLE.has(w.toLowerCase());
    if (w[0].toUpperCase() !== letters[li] || (!small && w[0] !== w[0].toUpperCase())) return undefined;
    li--;
    start = wi;
  }
  return li >= 0 ? undefined : start;
}
