// Who said each quotation of an article: the speaker named around a speech verb, a pronoun or role
// folded back to the person the article named, the body that issued a statement, or the speaker of
// the quotation this one continues.
import type { SearchIndex } from '../../index/types.ts';
import { tokenAt, tokenCount } from '../../index/keys.ts';
import { QUOTE_CHARACTERS, type QuoteSpan } from '../quote-marks.ts';
import { perIndex } from '../memo.ts';
import { articleBytes } from '../article-text.ts';
import { ArticleClauses, type Paragraph, type Who } from './clauses.ts';
import { Speakers } from './speaker.ts';
import { descriptorOf } from './descriptors.ts';

export type { Paragraph } from './clauses.ts';

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

/** Every quotation in article `d`, in order, with its speaker. */
export const quotesOf = perIndex((index, d: number): Attributed[] => (hasQuoteMarks(index, d) ? new Attribution(index, d).run() : []), 4_000);

const QUOTE_MARKS = QUOTE_CHARACTERS.map((c) => Buffer.from(c, 'utf8'));

/** Whether article d's text has any quotation mark at all, read from its stored bytes (many articles have none). */
function hasQuoteMarks(index: SearchIndex, d: number): boolean {
  const bytes = articleBytes(index, d);
  return QUOTE_MARKS.some((m) => bytes.includes(m));
}

const isWordToken = (t: string): boolean => /[\p{L}\p{N}]/u.test(t);

class Attribution {
  private article: ArticleClauses;
  private speakers: Speakers;

  constructor(index: SearchIndex, d: number) {
    this.article = new ArticleClauses(index, d);
    this.speakers = new Speakers(this.article);
  }

  run(): Attributed[] {
    const out: Attributed[] = [];
    this.article.paras.forEach((para, pi) => {
      for (const q of para.quotes) {
        const first = para.starts.findLastIndex((st) => st <= q.open);
        let last = para.starts.findLastIndex((st) => st < q.close - 1 || st <= q.from);
        const quote = para.text.slice(q.from, q.to).replace(/[,;:\s]+$/u, '');
        const found = this.attribute(para, q, first, last);
        // `“…?” wrote X` split into two sentences: cite both.
        if (found?.[2]) last++;
        const ids = para.ids.slice(first, last + 1);
        const cited = para.text.slice(para.starts[first], para.starts[last] + this.article.index.sentences[para.ids[last]].text.length);
        let how: How = found?.[1] ?? 'none';
        let who = found?.[0];
        if (!who) {
          // A quotation with no speaker of its own continues the one before it, in this paragraph or, when it opens the paragraph, the last one.
          const before = out.filter((a) => a.para === para && a.span.open < q.open).at(-1);
          const opensParagraph = !isWordToken(para.text.slice(0, q.open));
          const prevPara = pi > 0 ? this.article.paras[pi - 1] : undefined;
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
    if (who?.name) speakerWords.push(who.name, ...descriptorOf(this.article, who.name));
    const fragment = /^\p{Ll}/u.test(quote);
    return { para, span: q, ids, quote, cited, ...(who?.name ? { speaker: who.name } : {}), how, speakerWords, fragment };
  }

  /** The speaker named in the quote's own sentences, after it (“…,” X said) or before it (X said “…”). */
  private attribute(para: Paragraph, q: QuoteSpan, first: number, last: number): [Who, How, boolean?] | undefined {
    // After: `…,” said Okafor.` / `…,” the PM said.` / `…,” according to X.`
    const punctuated = /[,!?…—–-]$/u.test(para.text.slice(q.from, q.to));
    let tailK = last;
    let tailFrom = this.article.tokenAtOrAfter(para, last, q.close);
    let split = false;
    if (tailFrom >= tokenCount(this.article.sentence(para.ids[last])) && last + 1 < para.ids.length && punctuated) {
      // The splitter ended the sentence at `?”`: `wrote X` opens the next one.
      const next = this.article.sentence(para.ids[last + 1]);
      if (/^\p{Ll}/u.test(tokenAt(next, 0))) {
        tailK = last + 1;
        tailFrom = 0;
        split = true;
      }
    }
    const tailId = para.ids[tailK];
    const ts = this.article.sentence(tailId);
    if (tailFrom < tokenCount(ts)) {
      const end = this.article.clauseEnd(tailId, tailFrom);
      const verb = this.article.verbIn(tailId, tailFrom, Math.min(end, tailFrom + 12), 'first');
      if (verb >= 0 && (punctuated || tokenAt(ts, tailFrom) === ',' || verb - tailFrom <= 1)) {
        const who = this.speakers.speakerOfVerb(tailId, verb, tailFrom, end);
        if (who) return [who, 'after', split];
      }
    }
    // Before: `Okafor said: “…` / `According to Khan, “…` / `X called the stabbing “…”`.
    const headId = para.ids[first];
    const headTo = this.article.tokenAtOrAfter(para, first, q.open) - 1;
    if (headTo >= 0) {
      let lo = this.article.clauseStart(headId, headTo);
      let verb = this.article.verbIn(headId, lo, headTo, 'last');
      if (verb < 0 && lo > 0 && !this.article.quoted(headId, lo - 1)) {
        // "Heald said although …, “…”": the speech verb of the sentence governs the clause.
        lo = this.article.clauseStart(headId, lo - 1);
        verb = this.article.verbIn(headId, lo, headTo, 'last');
      }
      if (verb >= 0) {
        const who = this.speakers.speakerOfVerb(headId, verb, lo, headTo);
        if (who) return [who, 'before'];
      }
      // `X praised Ortiz on Twitter: “…`: the subject of the clause that introduces it.
      const hs = this.article.sentence(headId);
      if (/^[:,—–-]$/u.test(tokenAt(hs, headTo))) {
        const main = this.article.lastVerb(headId, lo, headTo);
        const who = main >= 0 ? this.speakers.subjectBefore(headId, main, lo, true) : undefined;
        if (who) return [who, 'before'];
      }
    }
    // The sentence before introduces it: `Okafor said:` / `X tweeted on Monday:`.
    const intro = this.introBefore(para, first);
    if (intro) return [intro, 'intro'];
    return undefined;
  }

  private introBefore(para: Paragraph, first: number): Who | undefined {
    let id: number;
    if (first > 0) id = para.ids[first - 1];
    else {
      const pi = this.article.paras.indexOf(para);
      if (pi === 0) return undefined;
      id = this.article.paras[pi - 1].ids.at(-1)!;
    }
    const s = this.article.sentence(id);
    const n = tokenCount(s);
    if (n < 2 || !/^[:,—–-]$/u.test(tokenAt(s, n - 1))) return undefined;
    const lo = this.article.clauseStart(id, n - 2);
    const verb = this.article.verbIn(id, lo, n - 2, 'last');
    if (verb >= 0) return this.speakers.speakerOfVerb(id, verb, lo, n - 1);
    const main = this.article.lastVerb(id, lo, n - 2);
    return main >= 0 && tokenAt(s, n - 1) === ':' ? this.speakers.subjectBefore(id, main, lo, true) : undefined;
  }

  /** A quotation with nothing around it: the speaker of the paragraph's sentence before. */
  private previousSentence(para: Paragraph, first: number): Who | undefined {
    if (first === 0) return undefined;
    const id = para.ids[first - 1];
    const s = this.article.sentence(id);
    const verb = this.article.verbIn(id, 0, tokenCount(s) - 1, 'last');
    return verb >= 0 ? this.speakers.speakerOfVerb(id, verb, this.article.clauseStart(id, verb), tokenCount(s) - 1) : undefined;
  }
}
