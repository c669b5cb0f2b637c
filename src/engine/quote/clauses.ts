// An article laid out for attribution: its paragraphs with their quotations, which tokens are quoted,
// where a clause starts and ends, and which tokens are speech verbs.
import { examined, readingRange, type SearchIndex, type SentenceRange, type SentenceRecord } from '../../index/index.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { posAt } from '../../nlp/pos.ts';
import { sentenceSpans, type NameSpan } from '../names/names.ts';
import { ROLE_ABBREVIATIONS, TITLE_WORDS } from '../words.ts';
import { fold } from '../../nlp/terms.ts';
import { TITLE_ABBREVIATIONS } from '../../nlp/analyse.ts';
import { findQuotes, type QuoteSpan } from './quote-marks.ts';
import { ACCORDING, ATTRIBUTION_VERBS, CLAUSE_BREAKS, HONORIFICS, PASSIVE_AUX, PREPOSITIONS, SPEAKER_PRONOUNS } from './quote-words.ts';
import { isCommunicationPhrase, isCommunicationVerb } from './speech-verbs.ts';
import { isWordNetWord } from '../../nlp/wordnet.ts';

/** A paragraph as its sentences were stored, so quote offsets map back to cited text. */
export interface Paragraph {
  doc: number;
  paragraph: number;
  ids: number[];
  text: string;
  /** Offset of each sentence in `text`. */
  starts: number[];
  quotes: QuoteSpan[];
}

/** A speaker as attribution finds it: the name, when there is one, and the words describing it. */
export interface Who {
  name?: string;
  /** Describing words found at the attribution itself ("the judge", "the PMO press release"). */
  words: string[];
  /** How sure the name is, 0..1 (absent: named outright at the speech verb). */
  sure?: number;
  /** Found through "he" / "she": a name at the quotation itself beats it. */
  byPronoun?: boolean;
}

/** `who` with its confidence scaled by `factor`. */
export const lessSure = (who: Who | undefined, factor: number): Who | undefined => who && { ...who, sure: (who.sure ?? 1) * factor };

export const lower = (t: string): string => fold(t);

export class ArticleClauses {
  readonly paras: Paragraph[] = [];
  /** The sentences laid out, [first, end): the article, or a long article's window (readingRange). */
  readonly first: number;
  readonly end: number;
  /** Per sentence id: whether each token lies inside a quotation. */
  private inQuote = new Map<number, boolean[]>();
  private spanCache = new Map<number, NameSpan[]>();

  constructor(
    readonly index: SearchIndex,
    readonly doc: number,
    range: SentenceRange = readingRange(index, doc),
  ) {
    this.first = range.first;
    this.end = range.end;
    examined.sentences += range.end - range.first;
    let cur: Paragraph | undefined;
    for (let id = range.first; id < range.end; id++) {
      const s = index.sentences[id];
      if (!cur || cur.paragraph !== s.paragraph) {
        cur = { doc, paragraph: s.paragraph, ids: [], text: '', starts: [], quotes: [] };
        this.paras.push(cur);
      }
      if (cur.ids.length) cur.text += ' ';
      cur.starts.push(cur.text.length);
      cur.ids.push(id);
      cur.text += s.text;
    }
    for (const para of this.paras) {
      para.quotes = findQuotes(para.text);
      para.ids.forEach((id, k) => {
        const s = index.sentences[id];
        const flags: boolean[] = [];
        for (let i = 0; i < tokenCount(s); i++) {
          const at = para.starts[k] + s.off[2 * i];
          flags.push(para.quotes.some((q) => at >= q.open && at < q.close));
        }
        this.inQuote.set(id, flags);
      });
    }
  }

  sentence(id: number): SentenceRecord {
    return this.index.sentences[id];
  }

  quoted(id: number, i: number): boolean {
    return this.inQuote.get(id)?.[i] ?? false;
  }

  /** "He said …", "However, she …": the speaker pronoun (folded) that sentence `id` opens with, before any name and outside quotations. */
  leadingPronoun(id: number): string | undefined {
    const s = this.sentence(id);
    const first = this.spans(id).find((sp) => !this.quoted(id, sp.start))?.start ?? tokenCount(s);
    for (let k = 0; k < first; k++) {
      const t = lower(tokenAt(s, k));
      if (!this.quoted(id, k) && SPEAKER_PRONOUNS.has(t)) return t;
    }
    return undefined;
  }

  /** The words inside quotation marks in the paragraph of sentence `id`, folded. */
  quotedWords(id: number): Set<string> {
    const words = new Set<string>();
    const paragraph = this.sentence(id).paragraph;
    let i = id;
    while (i > this.first && this.sentence(i - 1).paragraph === paragraph) i--;
    for (; i < this.end && this.sentence(i).paragraph === paragraph; i++) {
      const s = this.sentence(i);
      for (let k = 0; k < tokenCount(s); k++) if (this.quoted(i, k)) words.add(lower(tokenAt(s, k)));
    }
    return words;
  }

  spans(id: number): NameSpan[] {
    let s = this.spanCache.get(id);
    if (!s) this.spanCache.set(id, (s = sentenceSpans(this.index, id)));
    return s;
  }

  tokenAtOrAfter(para: Paragraph, k: number, at: number): number {
    const s = this.sentence(para.ids[k]);
    let i = 0;
    while (i < tokenCount(s) && para.starts[k] + s.off[2 * i] < at) i++;
    return i;
  }

  /** Token index where the clause holding token `i` starts: after `;`, "while", or the previous quotation. */
  clauseStart(id: number, i: number): number {
    const s = this.sentence(id);
    for (let j = i; j > 0; j--) {
      if (this.quoted(id, j - 1) && !this.quoted(id, j)) return j;
      if (!this.quoted(id, j - 1) && CLAUSE_BREAKS.has(lower(tokenAt(s, j - 1)))) return j;
    }
    return 0;
  }

  clauseEnd(id: number, from: number): number {
    const s = this.sentence(id);
    for (let i = from; i < tokenCount(s); i++) {
      const t = tokenAt(s, i);
      if (i > from && this.quoted(id, i)) return i - 1;
      if (this.isStop(id, i) || t === ';' || (i > from && CLAUSE_BREAKS.has(lower(t)))) return i - 1;
    }
    return tokenCount(s) - 1;
  }

  /** A full stop that ends the clause: not an abbreviation's ("(D-Wis.) said", "R-Ky., said", "the Rev. Peter Wherry"). */
  isStop(id: number, i: number): boolean {
    const s = this.sentence(id);
    if (tokenAt(s, i) !== '.') return false;
    if (i + 1 < tokenCount(s) && /^[),]|^\p{Ll}/u.test(tokenAt(s, i + 1))) return false;
    // "(D-N.Y.)" tokenised "N . Y.": a stop between two initials.
    if (i > 0 && i + 1 < tokenCount(s) && /^\p{Lu}$/u.test(tokenAt(s, i - 1)) && /^\p{Lu}\.$/u.test(tokenAt(s, i + 1))) return false;
    return !(i > 0 && i + 1 < tokenCount(s) && TITLE_ABBREVIATIONS.has(lower(tokenAt(s, i - 1))));
  }

  isVerb(id: number, i: number): boolean {
    const s = this.sentence(id);
    const t = lower(tokenAt(s, i));
    if (t === ACCORDING) return i + 1 < tokenCount(s) && lower(tokenAt(s, i + 1)) === 'to';
    if (!ATTRIBUTION_VERBS.has(t)) return false;
    // "as reported by X", "as quoted in": an aside about the source, not the speaker.
    if (i > 0 && lower(tokenAt(s, i - 1)) === 'as' && /ed$/.test(t)) return false;
    const pos = posAt(s.pos, i);
    if (t === 'said' || t === 'says' || t === 'told' || t === 'added') return pos !== 'ADJ' || i > 0;
    if (pos === 'VERB' || pos === 'AUX') return true;
    // "Grenell alleged, …" is tagged as an adjective; "the alleged attacker" is one.
    const next = i + 1 < tokenCount(s) ? posAt(s.pos, i + 1) : 'PUNCT';
    // "…,” Viguerie notes.": a name and a word of saying that ends the clause, tagged as a noun, is a verb.
    if (pos === 'NOUN' && next === 'PUNCT' && i > 0 && posAt(s.pos, i - 1) === 'PROPN') return true;
    return pos === 'ADJ' && next !== 'NOUN' && next !== 'PROPN' && next !== 'ADJ';
  }

  /**
   * A speech verb outside the kept list: a token tagged as a verb that WordNet files among the verbs
   * of communication ("implored", "quipped", "chimed in"), asked only where the kept list found none.
   */
  isLexiconVerb(id: number, i: number): boolean {
    const s = this.sentence(id);
    const tag = posAt(s.pos, i);
    const next = i + 1 < tokenCount(s) ? posAt(s.pos, i + 1) : 'PUNCT';
    // A participle tagged as an adjective ("fumed") is a verb unless it describes a noun after it.
    if (tag !== 'VERB' && !(tag === 'ADJ' && /ed$/u.test(tokenAt(s, i)) && !['NOUN', 'PROPN', 'ADJ'].includes(next))) return false;
    const t = lower(tokenAt(s, i));
    // "Johnson's threatening language": a participle describing a noun, not a speaker's verb.
    if (t.endsWith('ing')) return false;
    if (isCommunicationVerb(t)) return true;
    return i + 1 < tokenCount(s) && posAt(s.pos, i + 1) === 'ADP' && isCommunicationPhrase(t, lower(tokenAt(s, i + 1)));
  }

  /** The first or last speech verb in tokens a..b outside quotations; `wide` also takes the lexicon's verbs. */
  verbIn(id: number, a: number, b: number, which: 'first' | 'last', wide = false): number {
    const found: number[] = [];
    for (let i = Math.max(0, a); i <= b && i < tokenCount(this.sentence(id)); i++) {
      if (!this.quoted(id, i) && (this.isVerb(id, i) || (wide && this.isLexiconVerb(id, i)))) found.push(i);
    }
    return (which === 'first' ? found[0] : found.at(-1)) ?? -1;
  }

  lastVerb(id: number, lo: number, hi: number): number {
    const s = this.sentence(id);
    for (let k = hi; k >= lo; k--) if (!this.quoted(id, k) && (posAt(s.pos, k) === 'VERB' || this.isVerb(id, k))) return k;
    return -1;
  }

  spanEndingAt(id: number, j: number): NameSpan | undefined {
    return this.spans(id).find((sp) => sp.end === j && !this.quoted(id, sp.end));
  }

  /** Index of a preposition that governs the noun phrase starting at `start` ("of worldwide victim group X"), else -1. */
  prepositionBefore(id: number, start: number, lo: number): number {
    const s = this.sentence(id);
    let k = start - 1;
    while (k >= lo && ['DET', 'ADJ', 'NOUN', 'NUM'].includes(posAt(s.pos, k)) && /^\p{Ll}/u.test(tokenAt(s, k))) k--;
    return k >= lo && PREPOSITIONS.has(lower(tokenAt(s, k))) ? k : -1;
  }

  isPossessive(id: number, sp: NameSpan): boolean {
    const s = this.sentence(id);
    const next = sp.end + 1 < tokenCount(s) ? tokenAt(s, sp.end + 1) : '';
    return /^['’]s?$/u.test(next) || /['’]s$/u.test(tokenAt(s, sp.end));
  }

  /** "was told", "were described": a kept speech verb in the passive. */
  isPassive(id: number, v: number): boolean {
    const s = this.sentence(id);
    const t = lower(tokenAt(s, v));
    return v > 0 && PASSIVE_AUX.has(lower(tokenAt(s, v - 1))) && ATTRIBUTION_VERBS.has(t) && /ed$|^told$/u.test(t);
  }

  /** "US Secretary", "the Interior Minister": a title with no name — not "Loretta King", whose given name no lexicon knows. */
  isRoleOnly(sp: NameSpan): boolean {
    const words = sp.name.split(/\s+/);
    // "Co-Chair": the last part of a hyphenated title.
    const last = words.at(-1)?.split(/[-‐]/).at(-1) ?? '';
    if (sp.kind === 'org' || !TITLE_WORDS.has(lower(last).replace(/\.$/, '')) || ROLE_ABBREVIATIONS[lower(sp.name)]) return false;
    // "Mr. King added": after an honorific, a title word is a surname.
    const before = words.length > 1 ? words[0] : (sp.role?.split(/\s+/).at(-1) ?? '');
    if (HONORIFICS.has(lower(before).replace(/\.$/, ''))) return false;
    return !words.slice(0, -1).some((w) => isGivenName(w));
  }

  /** "of the Baghlan council", "to Kabul": a name that is not a subject — unless a title governs it ("Ambassador to Chile Mark Rowe"). */
  isPrepositional(id: number, sp: NameSpan): boolean {
    const s = this.sentence(id);
    // "Department of Transportation official Lee Grant": the preposition belongs to the title.
    if (sp.kind === 'person' && sp.role) return false;
    let k = sp.start - 1;
    if (k >= 0 && posAt(s.pos, k) === 'DET') k--;
    if (k < 0 || !PREPOSITIONS.has(lower(tokenAt(s, k)))) return false;
    const governor = k > 0 ? lower(tokenAt(s, k - 1)).replace(/\.$/, '') : '';
    // "Special Agent in Charge Harpster", "Director of National Drug Control Policy Gil Kerlikowske": the title runs into the name.
    const words = sp.name.split(/\s+/);
    // "executive director of the House Majority PAC": a name ending on an acronym is a body's, not the person's after a title.
    const acronym = /^\p{Lu}{2,}$/u.test(words.at(-1) ?? '') && !/^[IVX]+$/u.test(words.at(-1) ?? '');
    return !(TITLE_WORDS.has(governor) && sp.kind !== 'org' && !acronym && (words.length >= 3 || (words[0] === 'Charge' && words.length >= 2)));
  }
}

/**
 * A capitalised word that is neither a title nor an English word WordNet knows: a given name ("Loretta",
 * "Sadiq"), where "Security" or "National" would belong to a title. Given names WordNet does know
 * ("Thomas") are not told apart this way.
 */
export const isGivenName = (w: string): boolean => {
  const folded = lower(w);
  // "Regents": WordNet lists the singular only.
  const singular = folded.replace(/(?<=[^s])s$/u, '');
  return /^\p{Lu}\p{Ll}+$/u.test(w) && !TITLE_WORDS.has(folded) && !isWordNetWord(folded) && !isWordNetWord(singular);
};
