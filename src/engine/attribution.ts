// Who said each quotation of an article: the speaker named around a speech verb, a pronoun or role
// folded back to the person the article named, the body that issued a statement, or the speaker of
// the quotation this one continues.
import type { SearchIndex, SentenceRecord } from '../index/types.ts';
import { tokenAt, tokenCount } from '../index/keys.ts';
import { posAt } from '../nlp/pos.ts';
import { fullName, personWithRole, sentenceSpans, textOf, type NameSpan } from './names.ts';
import { ORG_WORDS, ROLE_ABBREVIATIONS, STATEMENT_NOUNS, TITLE_WORDS } from './lexicon.ts';
import { fold } from './terms.ts';
import { findQuotes, QUOTE_CHARACTERS, type QuoteSpan } from './quote-marks.ts';
import { perIndex } from './memo.ts';
import { articleBytes, sentencesWith } from './article-text.ts';
import {
  ACCORDING, ATTRIBUTION_VERBS, BODY_PRONOUNS, CLAUSE_BREAKS, ISSUED_NOUNS, PREPOSITIONS, RELATIVES, SPEAKER_PRONOUNS, TELL_VERBS, VERB_FILLERS,
} from './quote-words.ts';

/** A paragraph as its sentences were stored, so quote offsets map back to cited text. */
export interface Paragraph {
  d: number;
  p: number;
  ids: number[];
  text: string;
  /** Offset of each sentence in `text`. */
  starts: number[];
  quotes: QuoteSpan[];
}

export type How = 'after' | 'before' | 'intro' | 'continued' | 'previous' | 'none';

/** One quotation of an article with its speaker. */
export interface Attributed {
  para: Paragraph;
  span: QuoteSpan;
  /** Sentence ids the quotation spans (the cited sentences). */
  ids: number[];
  /** The quoted words, without a trailing comma or colon. */
  quote: string;
  /** The cited sentences joined as they are in the paragraph. */
  cited: string;
  speaker?: string;
  how: How;
  /** Words by which the article describes the speaker: name, role, appositions ("of the provincial council"). */
  speakerWords: string[];
  /** Part of a sentence ("called it “an act of barbarity”") rather than whole sentences. */
  fragment: boolean;
}

interface Who {
  name?: string;
  /** Describing words found at the attribution itself ("the judge", "the PMO press release"). */
  words: string[];
}

/** Every quotation in article `d`, in order, with its speaker. */
export const quotesOf = perIndex((index, d: number): Attributed[] => (hasQuoteMarks(index, d) ? new Attribution(index, d).run() : []), 4_000);

const QUOTE_MARKS = QUOTE_CHARACTERS.map((c) => Buffer.from(c, 'utf8'));

/** Whether article d's text has any quotation mark at all, read from its stored bytes (many articles have none). */
function hasQuoteMarks(index: SearchIndex, d: number): boolean {
  const bytes = articleBytes(index, d);
  return QUOTE_MARKS.some((m) => bytes.includes(m));
}

const lower = (t: string): string => fold(t);
const NAME_PARTICLES = new Set(['bin', 'ibn', 'bint', 'al', 'el', 'abu', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'del', 'dos', 'das']);
const isWordToken = (t: string): boolean => /[\p{L}\p{N}]/u.test(t);

class Attribution {
  private paras: Paragraph[] = [];
  /** Per sentence id: whether each token lies inside a quotation. */
  private inQuote = new Map<number, boolean[]>();
  private spanCache = new Map<number, NameSpan[]>();

  constructor(
    private index: SearchIndex,
    private d: number,
  ) {
    const doc = index.docs[d];
    let cur: Paragraph | undefined;
    for (let id = doc.first; id < doc.first + doc.count; id++) {
      const s = index.sentences[id];
      if (!cur || cur.p !== s.p) {
        cur = { d, p: s.p, ids: [], text: '', starts: [], quotes: [] };
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

  run(): Attributed[] {
    const out: Attributed[] = [];
    this.paras.forEach((para, pi) => {
      for (const q of para.quotes) {
        const first = para.starts.findLastIndex((st) => st <= q.open);
        let last = para.starts.findLastIndex((st) => st < q.close - 1 || st <= q.from);
        const quote = para.text.slice(q.from, q.to).replace(/[,;:\s]+$/u, '');
        const found = this.attribute(para, q, first, last);
        // `“…?” wrote X` split into two sentences: cite both.
        if (found?.[2]) last++;
        const ids = para.ids.slice(first, last + 1);
        const cited = para.text.slice(para.starts[first], para.starts[last] + this.index.sentences[para.ids[last]].text.length);
        let how: How = found?.[1] ?? 'none';
        let who = found?.[0];
        if (!who) {
          // A quotation with no speaker of its own continues the one before it, in this paragraph or, when it opens the paragraph, the last one.
          const before = out.filter((a) => a.para === para && a.span.open < q.open).at(-1);
          const opensParagraph = !isWordToken(para.text.slice(0, q.open));
          const prevPara = pi > 0 ? this.paras[pi - 1] : undefined;
          const carried = before ?? (opensParagraph ? out.filter((a) => a.para === prevPara).at(-1) : undefined);
          if (carried && carried.how !== 'none') {
            out.push(this.record(para, q, ids, quote, cited, { name: carried.speaker, words: carried.speakerWords }, 'continued'));
            continue;
          }
          const previous = this.previousSentence(para, first);
          if (previous) {
            who = previous;
            how = 'previous';
          }
        }
        out.push(this.record(para, q, ids, quote, cited, who, who ? how : 'none'));
      }
    });
    return out;
  }

  private record(para: Paragraph, q: QuoteSpan, ids: number[], quote: string, cited: string, who: Who | undefined, how: How): Attributed {
    const speakerWords = [...(who?.words ?? [])];
    if (who?.name) speakerWords.push(who.name, ...this.descriptorOf(who.name));
    const fragment = /^\p{Ll}/u.test(quote);
    return { para, span: q, ids, quote, cited, ...(who?.name ? { speaker: who.name } : {}), how, speakerWords, fragment };
  }

  /** The speaker named in the quote's own sentences, after it (“…,” X said) or before it (X said “…”). */
  private attribute(para: Paragraph, q: QuoteSpan, first: number, last: number): [Who, How, boolean?] | undefined {
    // After: `…,” said Okafor.` / `…,” the PM said.` / `…,” according to X.`
    const punctuated = /[,!?…—–-]$/u.test(para.text.slice(q.from, q.to));
    let tailK = last;
    let tailFrom = this.tokenAtOrAfter(para, last, q.close);
    let split = false;
    if (tailFrom >= tokenCount(this.sentence(para.ids[last])) && last + 1 < para.ids.length && punctuated) {
      // The splitter ended the sentence at `?”`: `wrote X` opens the next one.
      const next = this.sentence(para.ids[last + 1]);
      if (/^\p{Ll}/u.test(tokenAt(next, 0))) {
        tailK = last + 1;
        tailFrom = 0;
        split = true;
      }
    }
    const tailId = para.ids[tailK];
    const ts = this.sentence(tailId);
    if (tailFrom < tokenCount(ts)) {
      const end = this.clauseEnd(tailId, tailFrom);
      const verb = this.verbIn(tailId, tailFrom, Math.min(end, tailFrom + 12), 'first');
      if (verb >= 0 && (punctuated || tokenAt(ts, tailFrom) === ',' || verb - tailFrom <= 1)) {
        const who = this.speakerOfVerb(tailId, verb, tailFrom, end);
        if (who) return [who, 'after', split];
      }
    }
    // Before: `Okafor said: “…` / `According to Khan, “…` / `X called the stabbing “…”`.
    const headId = para.ids[first];
    const headTo = this.tokenAtOrAfter(para, first, q.open) - 1;
    if (headTo >= 0) {
      let lo = this.clauseStart(headId, headTo);
      let verb = this.verbIn(headId, lo, headTo, 'last');
      if (verb < 0 && lo > 0 && !this.quoted(headId, lo - 1)) {
        // "Heald said although …, “…”": the speech verb of the sentence governs the clause.
        lo = this.clauseStart(headId, lo - 1);
        verb = this.verbIn(headId, lo, headTo, 'last');
      }
      if (verb >= 0) {
        const who = this.speakerOfVerb(headId, verb, lo, headTo);
        if (who) return [who, 'before'];
      }
      // `X praised Ortiz on Twitter: “…`: the subject of the clause that introduces it.
      const hs = this.sentence(headId);
      if (/^[:,—–-]$/u.test(tokenAt(hs, headTo))) {
        const main = this.lastVerb(headId, lo, headTo);
        const who = main >= 0 ? this.subjectBefore(headId, main, lo, true) : undefined;
        if (who) return [who, 'before'];
      }
    }
    // The sentence before introduces it: `Okafor said:` / `X tweeted on Monday:`.
    const intro = this.introBefore(para, first);
    if (intro) return [intro, 'intro'];
    return undefined;
  }

  private lastVerb(id: number, lo: number, hi: number): number {
    const s = this.sentence(id);
    for (let k = hi; k >= lo; k--) if (!this.quoted(id, k) && (posAt(s.pos, k) === 'VERB' || this.isVerb(id, k))) return k;
    return -1;
  }

  private introBefore(para: Paragraph, first: number): Who | undefined {
    let id: number;
    if (first > 0) id = para.ids[first - 1];
    else {
      const pi = this.paras.indexOf(para);
      if (pi === 0) return undefined;
      id = this.paras[pi - 1].ids.at(-1)!;
    }
    const s = this.sentence(id);
    const n = tokenCount(s);
    if (n < 2 || !/^[:,—–-]$/u.test(tokenAt(s, n - 1))) return undefined;
    const lo = this.clauseStart(id, n - 2);
    const verb = this.verbIn(id, lo, n - 2, 'last');
    if (verb >= 0) return this.speakerOfVerb(id, verb, lo, n - 1);
    const main = this.lastVerb(id, lo, n - 2);
    return main >= 0 && tokenAt(s, n - 1) === ':' ? this.subjectBefore(id, main, lo, true) : undefined;
  }

  /** A quotation with nothing around it: the speaker of the paragraph's sentence before. */
  private previousSentence(para: Paragraph, first: number): Who | undefined {
    if (first === 0) return undefined;
    const id = para.ids[first - 1];
    const s = this.sentence(id);
    const verb = this.verbIn(id, 0, tokenCount(s) - 1, 'last');
    return verb >= 0 ? this.speakerOfVerb(id, verb, this.clauseStart(id, verb), tokenCount(s) - 1) : undefined;
  }

  // ---- tokens

  private sentence(id: number): SentenceRecord {
    return this.index.sentences[id];
  }

  private quoted(id: number, i: number): boolean {
    return this.inQuote.get(id)?.[i] ?? false;
  }

  private spans(id: number): NameSpan[] {
    let s = this.spanCache.get(id);
    if (!s) this.spanCache.set(id, (s = sentenceSpans(this.index, id)));
    return s;
  }

  private tokenAtOrAfter(para: Paragraph, k: number, at: number): number {
    const s = this.sentence(para.ids[k]);
    let i = 0;
    while (i < tokenCount(s) && para.starts[k] + s.off[2 * i] < at) i++;
    return i;
  }

  /** Token index where the clause holding token `i` starts: after `;`, "while", or the previous quotation. */
  private clauseStart(id: number, i: number): number {
    const s = this.sentence(id);
    for (let j = i; j > 0; j--) {
      if (this.quoted(id, j - 1) && !this.quoted(id, j)) return j;
      if (!this.quoted(id, j - 1) && CLAUSE_BREAKS.has(lower(tokenAt(s, j - 1)))) return j;
    }
    return 0;
  }

  private clauseEnd(id: number, from: number): number {
    const s = this.sentence(id);
    for (let i = from; i < tokenCount(s); i++) {
      const t = tokenAt(s, i);
      if (i > from && this.quoted(id, i)) return i - 1;
      if (t === '.' || t === ';' || (i > from && CLAUSE_BREAKS.has(lower(t)))) return i - 1;
    }
    return tokenCount(s) - 1;
  }

  private isVerb(id: number, i: number): boolean {
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
    return pos === 'ADJ' && next !== 'NOUN' && next !== 'PROPN' && next !== 'ADJ';
  }

  private verbIn(id: number, a: number, b: number, which: 'first' | 'last'): number {
    const found: number[] = [];
    for (let i = Math.max(0, a); i <= b && i < tokenCount(this.sentence(id)); i++) {
      if (!this.quoted(id, i) && this.isVerb(id, i)) found.push(i);
    }
    return (which === 'first' ? found[0] : found.at(-1)) ?? -1;
  }

  // ---- who

  private speakerOfVerb(id: number, v: number, lo: number, hi: number, resolvePronouns = true): Who | undefined {
    const verb = lower(tokenAt(this.sentence(id), v));
    const before = verb === ACCORDING ? undefined : this.subjectBefore(id, v, lo, resolvePronouns);
    // "told Reuters": who comes after a verb of telling is the listener.
    return before ?? (TELL_VERBS.has(verb) ? undefined : this.subjectAfter(id, v, hi, resolvePronouns));
  }

  private spanEndingAt(id: number, j: number): NameSpan | undefined {
    return this.spans(id).find((sp) => sp.end === j && !this.quoted(id, sp.end));
  }

  /** The subject of the speech verb at `v`: `X said`, `X, the minister, said`, `he added`, `the statement said`. */
  private subjectBefore(id: number, v: number, from: number, resolvePronouns: boolean, depth = 0): Who | undefined {
    let lo = from;
    const s = this.sentence(id);
    if (depth > 3) return undefined;
    let j = v - 1;
    for (let hops = 0; hops < 4; hops++) {
      while (j >= lo && !this.quoted(id, j) && (VERB_FILLERS.has(lower(tokenAt(s, j))) || posAt(s.pos, j) === 'ADV')) j--;
      if (j === lo - 1 && lo > 0 && ['but', 'and'].includes(lower(tokenAt(s, lo - 1)))) {
        // "X accepted responsibility but did not say": the clause break shares its subject.
        j = lo - 1;
        lo = this.clauseStart(id, lo - 2);
      }
      if (j < lo || this.quoted(id, j)) return undefined;
      const t = lower(tokenAt(s, j));
      const span = this.spanEndingAt(id, j);
      if (span) {
        // "Cardinal X of the Holy See said": the name before the prepositional phrase.
        const pp = this.prepositionBefore(id, span.start, lo);
        const absolute = pp >= 0 && lower(tokenAt(s, pp)) === 'with' && /ing$/.test(lower(tokenAt(s, v)));
        if (pp >= 0 && !absolute && this.isPrepositional(id, span)) {
          j = pp - 1;
          continue;
        }
        return this.whoOfSpan(id, span);
      }
      if (SPEAKER_PRONOUNS.has(t)) return resolvePronouns ? this.person(id, j) : undefined;
      if (BODY_PRONOUNS.has(t)) return resolvePronouns ? this.issuer(id) : undefined;
      if (RELATIVES.has(t)) {
        // "a statement which said", "Smith, who chairs the panel, said".
        j--;
        if (j >= lo && tokenAt(s, j) === ',') j--;
        continue;
      }
      const participle = /ing$/.test(lower(tokenAt(s, v))) && t === ',';
      if (t === 'and' || t === 'but' || t === 'or' || participle) {
        // "Novak also characterised the deaths as … and wrote “…”", "X described …, stating": the subject of the verb before.
        let k: number | undefined;
        for (let x = j - 1; x >= lo && k === undefined; x--) {
          if (!this.quoted(id, x) && posAt(s.pos, x) === 'VERB' && (x === 0 || !/^["“”'‘’]$/u.test(tokenAt(s, x - 1)))) k = x;
        }
        if (k !== undefined) return this.subjectBefore(id, k, lo, resolvePronouns, depth + 1);
        if (!participle) return undefined;
      }
      if (t === ',') {
        // An apposition between commas: the name itself ("…, Helen Ortiz, said") or a description to skip ("X, of the council, said").
        let k = j - 1;
        while (k >= lo && tokenAt(s, k) !== ',' && !this.quoted(id, k)) k--;
        const inner = this.spanEndingAt(id, j - 1);
        if (inner && inner.start === k + 1) return this.whoOfSpan(id, inner);
        if (k < lo) return undefined;
        j = k - 1;
        continue;
      }
      // A noun phrase without a name: "the PM", "the judge", "the PMO press release", "police", "Judge Okafor's statement".
      const words: string[] = [];
      let k = j;
      while (k >= lo && !this.quoted(id, k) && ['NOUN', 'ADJ', 'PROPN', 'DET', 'NUM'].includes(posAt(s.pos, k)) && words.length < 6) {
        words.unshift(tokenAt(s, k));
        k--;
      }
      if (!words.length) return undefined;
      const owner = this.ownerBefore(id, k + 1, lo);
      if (owner && words.some((w) => ISSUED_NOUNS.has(lower(w)) || STATEMENT_NOUNS.has(lower(w)))) return { name: owner.name, words: [...owner.words, ...words] };
      // "Interior Minister Novak's spokesperson": the phrase names someone else than the owner.
      return this.whoOfPhrase(id, words, k + 1, j);
    }
    return undefined;
  }

  /** Index of a preposition that governs the noun phrase starting at `start` ("of worldwide victim group X"), else -1. */
  private prepositionBefore(id: number, start: number, lo: number): number {
    const s = this.sentence(id);
    let k = start - 1;
    while (k >= lo && ['DET', 'ADJ', 'NOUN', 'NUM'].includes(posAt(s.pos, k)) && /^\p{Ll}/u.test(tokenAt(s, k))) k--;
    return k >= lo && PREPOSITIONS.has(lower(tokenAt(s, k))) ? k : -1;
  }

  /** The owner in "Judge Okafor's statement" / "the judge's statement", given the first token after the possessive. */
  private ownerBefore(id: number, at: number, lo: number): Who | undefined {
    const s = this.sentence(id);
    const k = at - 1;
    if (k - 1 < lo || !/^['’]s?$/u.test(tokenAt(s, k))) return undefined;
    const span = this.spanEndingAt(id, k - 1);
    if (span) return this.whoOfSpan(id, span);
    const words: string[] = [];
    let m = k - 1;
    while (m >= lo && ['NOUN', 'ADJ', 'DET'].includes(posAt(s.pos, m)) && words.length < 4) words.unshift(tokenAt(s, m--));
    return words.length ? this.whoOfPhrase(id, words, m + 1, k - 1) : undefined;
  }

  /** The speaker after the verb: `said Okafor`, `said a press release issued by X`, `according to a tweet by X`. */
  private subjectAfter(id: number, v: number, hi: number, resolvePronouns: boolean): Who | undefined {
    const s = this.sentence(id);
    let a = v + 1;
    if (lower(tokenAt(s, v)) === ACCORDING) a = v + 2;
    let b = a;
    while (b < tokenCount(s) && b <= Math.min(hi, a + 14) && !this.quoted(id, b) && tokenAt(s, b) !== '.' && tokenAt(s, b) !== ';') b++;
    b--;
    if (b < a) return undefined;
    const t = lower(tokenAt(s, a));
    if (SPEAKER_PRONOUNS.has(t)) return resolvePronouns ? this.person(id, a) : undefined;
    const spans = this.spans(id).filter((sp) => sp.start >= a && sp.end <= b && !this.isPossessive(id, sp) && !this.isRoleOnly(sp));
    // "a press release issued by the PM Office", "a tweet on Monday by X", "Judge Okafor's statement".
    const firstSpanAt = spans[0]?.start ?? b + 1;
    for (let k = a; k < firstSpanAt; k++) {
      const w = lower(tokenAt(s, k));
      if (ISSUED_NOUNS.has(w) || STATEMENT_NOUNS.has(w)) {
        const by = this.issuedBy(id, k);
        if (by) return by;
        const owner = this.ownerBefore(id, k, a);
        if (owner?.name) return owner;
        const words = [];
        for (let m = a; m <= k; m++) words.push(tokenAt(s, m));
        return this.issuer(id, words);
      }
    }
    const eligible = spans.filter((sp) => !this.isPrepositional(id, sp) || lower(tokenAt(s, sp.start - 1)) === 'by');
    const person = eligible.find((sp) => sp.kind === 'person' || fullName(this.index, this.d, sp.name) !== sp.name);
    if (person) return this.whoOfSpan(id, person);
    const near = eligible.find((sp) => sp.start - a <= 3);
    if (near) return this.whoOfSpan(id, near);
    // "said the minister", "said police".
    const words: string[] = [];
    for (let k = a; k <= b && ['NOUN', 'ADJ', 'PROPN', 'DET'].includes(posAt(s.pos, k)) && words.length < 6; k++) words.push(tokenAt(s, k));
    const hasNoun = words.some((_, m) => ['NOUN', 'PROPN'].includes(posAt(s.pos, a + m)));
    return hasNoun ? this.whoOfPhrase(id, words, a, a + words.length - 1) : undefined;
  }

  private isPossessive(id: number, sp: NameSpan): boolean {
    const s = this.sentence(id);
    const next = sp.end + 1 < tokenCount(s) ? tokenAt(s, sp.end + 1) : '';
    return /^['’]s?$/u.test(next) || /['’]s$/u.test(tokenAt(s, sp.end));
  }

  /** "US Secretary", "the Interior Minister": a title with no name. */
  private isRoleOnly(sp: NameSpan): boolean {
    const last = sp.name.split(/\s+/).at(-1) ?? '';
    return sp.kind !== 'org' && TITLE_WORDS.has(lower(last).replace(/\.$/, '')) && !ROLE_ABBREVIATIONS[lower(sp.name)];
  }

  /** "of the Baghlan council", "to Kabul": a name that is not a subject — unless a title governs it ("Ambassador to Chile Mark Rowe"). */
  private isPrepositional(id: number, sp: NameSpan): boolean {
    const s = this.sentence(id);
    // "Department of Transportation official Lee Grant": the preposition belongs to the title.
    if (sp.kind === 'person' && sp.role) return false;
    let k = sp.start - 1;
    if (k >= 0 && posAt(s.pos, k) === 'DET') k--;
    if (k < 0 || !PREPOSITIONS.has(lower(tokenAt(s, k)))) return false;
    const governor = k > 0 ? lower(tokenAt(s, k - 1)).replace(/\.$/, '') : '';
    return !(TITLE_WORDS.has(governor) && sp.kind === 'person' && sp.name.split(/\s+/).length >= 3);
  }

  private whoOfSpan(id: number, sp: NameSpan): Who | undefined {
    const s = this.sentence(id);
    const words = [sp.role, sp.name].filter(Boolean);
    if (ROLE_ABBREVIATIONS[lower(sp.name)]) {
      const p = personWithRole(this.index, this.d, sp.name, id);
      return { name: p?.name, words: [...words, ROLE_ABBREVIATIONS[lower(sp.name)]] };
    }
    if (sp.kind === 'org') {
      // "The Alachua Sheriff's Office": the owner belongs to the name.
      const k = sp.start - 1;
      const owner = k > 0 && /^['’]s$/u.test(tokenAt(s, k)) ? this.spanEndingAt(id, k - 1) : undefined;
      return { name: owner ? textOf(s, owner.start, sp.end) : sp.name, words };
    }
    if (this.isRoleOnly(sp)) {
      const p = personWithRole(this.index, this.d, sp.name, id);
      return { name: p?.name, words };
    }
    let parts = sp.name.split(/\s+/);
    // "Mohammad bin Salman", "Ursula von der Leyen": particles the name finder split at.
    let k = sp.nameStart - 1;
    while (k > 0 && NAME_PARTICLES.has(tokenAt(s, k))) k--;
    const head = k < sp.nameStart - 1 ? this.spanEndingAt(id, k) : undefined;
    if (head && head.kind !== 'org') parts = textOf(s, head.nameStart, sp.end).split(/\s+/);
    // "Ex-Prime Minister Donald Tusk": titles the name finder kept.
    while (parts.length > 2 && parts[0].split(/[-‐]/).some((w) => TITLE_WORDS.has(lower(w).replace(/\.$/, '')) || lower(w) === 'ex')) parts = parts.slice(1);
    let name = parts.join(' ');
    // "Ambassador to Chile Mark Rowe": the place belongs to the title.
    if (parts.length >= 3 && sp.start > 0 && PREPOSITIONS.has(lower(tokenAt(s, sp.start - 1)))) {
      parts = parts.slice(-2);
      name = parts.join(' ');
    }
    if (parts.length === 1) {
      const byRole = sp.role ? personWithRole(this.index, this.d, sp.role, id) : undefined;
      if (byRole && byRole.name.endsWith(name)) return { name: byRole.name, words };
    }
    return { name: fullName(this.index, this.d, name), words };
  }

  /** A noun phrase naming the speaker by role or document: "the PM" → the prime minister, "the statement" → its issuer. */
  private whoOfPhrase(id: number, words: string[], a: number, b: number): Who | undefined {
    const folded = words.map((w) => lower(w).replace(/\.$/, ''));
    if (folded.some((w) => ISSUED_NOUNS.has(w) || STATEMENT_NOUNS.has(w)) && !folded.some((w) => TITLE_WORDS.has(w) && w !== 'spokesperson')) {
      const inside = this.spans(id).find((sp) => sp.start >= a && sp.end <= b && sp.kind === 'org');
      return inside ? { name: inside.name, words } : this.issuer(id, words);
    }
    const role = folded.filter((w) => TITLE_WORDS.has(w) || ROLE_ABBREVIATIONS[w]).join(' ');
    if (role) {
      const p = personWithRole(this.index, this.d, role, id) ?? personWithRole(this.index, this.d, role);
      return { name: p?.name, words };
    }
    const head = folded.at(-1) ?? '';
    const lastWord = words.at(-1) ?? '';
    if (/^\p{Lu}\p{Ll}/u.test(lastWord) && !ORG_WORDS.has(head) && (a > 0 || words.length > 1)) {
      // "Day said": a name the model did not tag as one.
      const full = fullName(this.index, this.d, lastWord);
      if (full !== lastWord) return { name: full, words };
    }
    if (ORG_WORDS.has(head)) {
      // "the ministry said" → the ministry the article named; "the harbour council said" → itself.
      const org = this.orgNamed(id, head) ?? words.filter((w, i) => i > 0 || posAt(this.sentence(id).pos, a) !== 'DET').join(' ');
      return { name: org, words };
    }
    return { words };
  }

  private orgNamed(id: number, head: string): string | undefined {
    const doc = this.index.docs[this.d];
    for (let i = id; i >= doc.first; i--) {
      const org = this.spans(i).filter((sp) => sp.kind === 'org' && lower(sp.name).split(/\s+/).includes(head)).at(-1);
      if (org) return org.name;
    }
    return undefined;
  }

  /** "a statement issued by the Prime Minister’s Office", "a tweet on Monday by X": the issuer after a document noun at token `k`. */
  private issuedBy(id: number, k: number): Who | undefined {
    const s = this.sentence(id);
    for (let t = k + 1; t < Math.min(tokenCount(s), k + 9) && !this.quoted(id, t); t++) {
      const w = lower(tokenAt(s, t));
      if (w === ',' || w === '.' || w === ';') return undefined;
      if (w !== 'by' && w !== 'from') continue;
      let a = t + 1;
      if (a < tokenCount(s) && posAt(s.pos, a) === 'DET') a++;
      // "by US Secretary of State Ana Garcia": the first name that is not a bare title.
      const sp = this.spans(id).find((x) => x.end >= a && x.start <= a + 6 && !this.isRoleOnly(x) && !this.isPossessive(id, x)) ?? this.spans(id).find((x) => x.start <= a && x.end >= a);
      if (!sp) return undefined;
      // "the Prime Minister’s Office": the owner and the office are one name.
      const owner = this.spans(id).find((x) => x.start <= a && x.end >= a && this.isPossessive(id, x));
      const next = owner ? this.spans(id).find((x) => x.start === owner.end + 2) : undefined;
      if (owner && next && next.kind === 'org') return { name: textOf(s, owner.start, next.end), words: [textOf(s, owner.start, next.end)] };
      return this.whoOfSpan(id, sp);
    }
    return undefined;
  }

  /** "the statement said" / "it said" → the body the article says issued it, else the nearest organisation named. */
  private issuer(id: number, words: string[] = []): Who | undefined {
    const doc = this.index.docs[this.d];
    for (let i = id; i >= doc.first; i--) {
      const s = this.sentence(i);
      for (let t = 0; t < tokenCount(s); t++) {
        const w = lower(tokenAt(s, t));
        if (this.quoted(i, t) || !(ISSUED_NOUNS.has(w) || STATEMENT_NOUNS.has(w))) continue;
        const by = this.issuedBy(i, t);
        if (by?.name) return { name: by.name, words: [...words, ...by.words] };
        // "The council said in a statement": the subject of that sentence issued it.
        if (i < id) {
          const v = this.verbIn(i, 0, t, 'last');
          const who = v >= 0 ? this.subjectBefore(i, v, this.clauseStart(i, v), false) : undefined;
          if (who?.name) return { name: who.name, words: [...words, ...who.words] };
        }
      }
      const orgs = this.spans(i).filter((sp) => sp.kind === 'org' && !this.quoted(i, sp.start));
      const issued = orgs.find((sp) => {
        for (let t = Math.max(0, sp.start - 6); t < sp.start; t++) if (ISSUED_NOUNS.has(lower(tokenAt(s, t))) || STATEMENT_NOUNS.has(lower(tokenAt(s, t)))) return true;
        return false;
      });
      if (issued) return { name: issued.name, words };
      if (i < id && orgs.length) return { name: orgs.at(-1)!.name, words };
    }
    return words.length ? { words } : undefined;
  }

  /**
   * "he added" → the person last named as a subject before token `j` of sentence `id`:
   * the subject of the nearest speech verb, else the last name that is not an object or a possessor.
   */
  private person(id: number, j: number): Who | undefined {
    const doc = this.index.docs[this.d];
    for (let i = id; i >= doc.first; i--) {
      const s = this.sentence(i);
      const limit = i === id ? j : tokenCount(s);
      let best: Who | undefined;
      for (let v = limit - 1; v >= 0 && !best; v--) {
        if (this.quoted(i, v) || !this.isVerb(i, v)) continue;
        const who = this.speakerOfVerb(i, v, this.clauseStart(i, v), limit - 1, false);
        if (who?.name && this.isPersonName(who.name)) best = who;
      }
      if (best) return best;
      const spans = this.spans(i).filter(
        (sp) =>
          sp.end < limit && !this.quoted(i, sp.start) && !this.isPossessive(i, sp) && !this.isRoleOnly(sp) &&
          (!this.isPrepositional(i, sp) || ['with', 'by'].includes(lower(tokenAt(s, this.prepositionBefore(i, sp.start, 0))))),
      );
      const named = spans.filter((sp) => sp.kind === 'person' || (sp.kind === 'other' && fullName(this.index, this.d, sp.name) !== sp.name)).at(-1);
      if (named) return this.whoOfSpan(i, named);
    }
    return undefined;
  }

  private isPersonName(name: string): boolean {
    return name.split(/\s+/).length >= 2 || sentencesWith(this.index, this.d, name).some((id) => this.spans(id).some((sp) => sp.kind === 'person' && sp.name === name));
  }

  /** How the article describes a person: titles before the name, appositions around it ("Omar Nazari, of the provincial council,"). */
  private descriptorOf(name: string): string[] {
    const out: string[] = [];
    // The role the article first gives the person (as peopleOf records it).
    const first = sentencesWith(this.index, this.d, name).flatMap((id) => this.spans(id)).find((sp) => sp.kind === 'person' && sp.name === name && sp.role);
    if (first) out.push(first.role);
    // A span counts under its full name or as the name's last word ("Nowak" for "Piotr Nowak"): either way the sentence has that word.
    for (const id of sentencesWith(this.index, this.d, name.split(/\s+/).at(-1)!)) {
      const s = this.sentence(id);
      const n = tokenCount(s);
      for (const sp of this.spans(id)) {
        if (sp.name !== name && !(sp.name.split(/\s+/).length === 1 && fullName(this.index, this.d, sp.name) === name && name.endsWith(sp.name))) continue;
        if (sp.role) out.push(sp.role);
        // "His wife Ruth", "fire service spokesman Piotr Nowak".
        for (let k = sp.start - 1, m = 0; k >= 0 && m < 3 && ['NOUN', 'ADJ'].includes(posAt(s.pos, k)) && !this.quoted(id, k); k--, m++) out.push(tokenAt(s, k));
        // "X, a fire service spokesman," / "X, of the provincial council,".
        if (sp.end + 1 < n && tokenAt(s, sp.end + 1) === ',') {
          for (let k = sp.end + 2, m = 0; k < n && m < 10 && !/^[,.;]$/.test(tokenAt(s, k)) && !this.quoted(id, k); k++, m++) out.push(tokenAt(s, k));
        }
        // "The judge presiding over the case, Helen Ortiz,".
        if (sp.start > 0 && tokenAt(s, sp.start - 1) === ',') {
          let k = sp.start - 2;
          const words: string[] = [];
          while (k >= 0 && words.length < 10 && !/^[,.;]$/.test(tokenAt(s, k)) && !this.quoted(id, k)) words.unshift(tokenAt(s, k--));
          if (k < 0 || tokenAt(s, k) === ',') out.push(...words);
        }
      }
    }
    return out;
  }
}
