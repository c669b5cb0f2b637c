// Who said each quotation of an article: the speaker named around a speech verb, a pronoun or role
// folded back to the person the article named, the body that issued a statement, or the speaker of
// the quotation this one continues.
import type { SearchIndex } from '../../index/index.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import type { QuoteSpan } from './quote-marks.ts';
import type { SentenceRange } from '../../index/index.ts';
import { ArticleClauses, lessSure, lower, type Paragraph, type Who } from './clauses.ts';
import { posAt } from '../../nlp/pos.ts';
import { Speakers } from './speaker.ts';
import { Intros } from './intro.ts';
import { termKey } from '../../nlp/terms.ts';
import { descriptorOf } from './descriptors.ts';
import { headlineIssuer } from './headline.ts';
import { firstVerb } from './subjects.ts';

export type { Paragraph } from './clauses.ts';

export type How = 'after' | 'before' | 'intro' | 'forward' | 'continued' | 'previous' | 'none';

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
  /** How sure the speaker is, 0..1; 0 when no speaker is given. */
  confidence: number;
  how: How;
  /** Words by which the article describes the speaker: name, role, appositions ("of the provincial council"). */
  speakerWords: string[];
  /** Part of a sentence ("called it “an act of barbarity”") rather than whole sentences. */
  fragment: boolean;
}

/** Below this confidence a speaker is not given. */
export const MIN_SPEAKER_CONFIDENCE = 0.6;

/** The words after a quotation, in the sentence that holds them (the next one when `split`). */
interface Tail {
  id: number;
  from: number;
  end: number;
  split: boolean;
  /** The quotation ends on a comma, a question or an exclamation: what follows may attribute it. */
  punctuated: boolean;
}

/** The words before a quotation in its first sentence: the clause from `lo` to token `to`. */
interface Head {
  id: number;
  lo: number;
  to: number;
}

/** How sure each way of finding the speaker around a quotation is, scaling the speaker's own. */
const HOW_SURE = {
  before: 0.97,
  afterWide: 0.95,
  /** A verb outside every lexicon, known only by its tag and by having no object ("the councillor fumed"). */
  anyVerb: 0.9,
  nameColon: 0.95,
  beforeWide: 0.85,
  /** … governing a few quoted words inside the sentence. */
  reported: 0.9,
  clauseSubject: 0.85,
  intro: 0.92,
  forward: 0.9,
  continued: 0.97,
  continuedParagraph: 0.9,
  previous: 0.8,
} as const;

/** How far after a quotation its speech verb may stand: `…,” Trump, the frontrunner … after winning the primaries, said`. */
const AFTER_QUOTE_REACH = 32;

/** Words by which a verb of speaking governs a few quoted words: "criticised X for “…”", "accused X of “…”", "hailed X as “…”". */
const EVALUATIVE_LINKS = new Set(['for', 'of', 'as', 'that']);

/** `…, said X. “…`: an attribution inside the quoted words means a quotation mark is missing, so the span is no quotation of one speaker. */
const BROKEN_MARKS = /[,!?]\s+(?:said|says|added|stated)\s/u;

const CONJUNCTIONS = new Set(['and', 'but', 'or']);

const isWordToken = (t: string): boolean => /[\p{L}\p{N}]/u.test(t);

/** "Tajong Accounting and Tax Services", "PROTECTing our Children": every word but the function words capitalised. */
function isTitle(quote: string): boolean {
  const content = quote.split(/\s+/).filter((w) => termKey(w) !== undefined);
  // "I WON THIS ELECTION, BY A LOT!": capitals throughout are shouted words, not a title.
  return content.length >= 2 && /\p{Ll}/u.test(quote) && content.every((w) => /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(w));
}

/** The attribution of one article's quotations (or of a window of a long one's). */
export class Attribution {
  private article: ArticleClauses;
  private speakers: Speakers;
  private intros: Intros;
  private issuerInTitle?: { who?: Who };

  constructor(index: SearchIndex, d: number, range?: SentenceRange) {
    this.article = new ArticleClauses(index, d, range);
    this.speakers = new Speakers(this.article);
    this.intros = new Intros(this.article, this.speakers);
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
        // `“…,” said Special Agent in Charge …` with no name found there, or `…, said X. “…` (a mark missing): the quotation
        // has a speaker of its own, so it takes nobody else's.
        // `“…,”` closing its paragraph: the words that attributed it were lost.
        const dangling = !q.unclosed && /,$/u.test(para.text.slice(q.from, q.to)) && !isWordToken(para.text.slice(q.close));
        const ownSpeaker = dangling || BROKEN_MARKS.test(quote) || this.hasSpeechVerbAfter(para, q, last);
        if (!who && !ownSpeaker) {
          // A quotation that fills the rest of its paragraph may be attributed after it: `“… / “… ,” Lund said.` or `“…” / So said Lund.`
          const fills = !isWordToken(para.text.slice(0, q.open)) && !isWordToken(para.text.slice(q.close));
          const ahead = fills && !BROKEN_MARKS.test(quote) ? this.forward(pi, q.unclosed, 0) : undefined;
          if (ahead) {
            out.push(this.record(para, q, ids, quote, cited, lessSure(ahead, HOW_SURE.forward), 'forward'));
            continue;
          }
          // A quotation with no speaker of its own continues the one before it, in this paragraph or, when it opens the paragraph, the last one.
          // `“…,” he said on “Meet the Press.” “…`: a title quoted in between is nobody's words to continue.
          const before = out.filter((a) => a.para === para && a.span.open < q.open && !this.isQuotedTitle(para, a.span, a.quote)).at(-1);
          const opensParagraph = !isWordToken(para.text.slice(0, q.open));
          const prevPara = pi > 0 ? this.article.paras[pi - 1] : undefined;
          const carried = before ?? (opensParagraph ? out.filter((a) => a.para === prevPara).at(-1) : undefined);
          if (carried && carried.how !== 'none') {
            const factor = before ? HOW_SURE.continued : HOW_SURE.continuedParagraph;
            out.push(this.record(para, q, ids, quote, cited, { name: carried.speaker, words: carried.speakerWords, sure: carried.confidence * factor }, 'continued'));
            continue;
          }
          // "The judge entered the order, finding that X used “a scheme …”": words quoted inside a sentence of their own are not the last speaker's.
          const opensSentence = !isWordToken(para.text.slice(para.starts[first], q.open));
          const previous = opensSentence ? this.previousSentence(para, first, fills ? prevPara : undefined) : undefined;
          if (previous) {
            who = lessSure(previous, HOW_SURE.previous);
            how = 'previous';
          }
        }
        if (!who?.name && !ownSpeaker && !isWordToken(para.text.slice(0, q.open)) && !/^\p{Ll}/u.test(quote)) {
          // "Statement of Attorney General X on …": an article that is the statement its title names.
          const issuer = (this.issuerInTitle ??= { who: headlineIssuer(this.article, (name) => this.speakers.namedOutsideQuotes(name)) }).who;
          if (issuer) [who, how] = [issuer, 'intro'];
        }
        out.push(this.record(para, q, ids, quote, cited, who, who ? how : 'none'));
      }
    });
    return out;
  }

  private record(para: Paragraph, q: QuoteSpan, ids: number[], quote: string, cited: string, who: Who | undefined, how: How): Attributed {
    const speakerWords = [...(who?.words ?? [])];
    // A name the attribution is unsure of is not given: the quotation stands with its speaker not named.
    const sure = who?.name ? (who.sure ?? 1) : 0;
    // `the robot, named “Better Idea of Afghan Girls,”`: a title or a name quoted inside a sentence is nobody's words.
    const name = sure >= MIN_SPEAKER_CONFIDENCE && !this.isQuotedTitle(para, q, quote) ? who?.name : undefined;
    if (name) speakerWords.push(name, ...descriptorOf(this.article, name));
    const fragment = /^\p{Ll}/u.test(quote);
    return { para, span: q, ids, quote, cited, ...(name ? { speaker: name } : {}), confidence: name ? sure : 0, how, speakerWords, fragment };
  }

  /** The speaker named in the quote's own sentences, after it (“…,” X said) or before it (X said “…”). */
  private attribute(para: Paragraph, q: QuoteSpan, first: number, last: number): [Who, How, boolean?] | undefined {
    const tail = this.tailOf(para, q, last);
    // `“…” ― Steve Quinlan`: a quotation signed with a dash and a name is that person's.
    const signer = tail && tokenAt(this.article.sentence(tail.id), tail.from).match(/^[―—–]$/u) && this.article.spans(tail.id).find((sp) => sp.start === tail.from + 1);
    if (signer && (signer.end + 1 >= tokenCount(this.article.sentence(tail.id)) || /^[.,(]$/u.test(tokenAt(this.article.sentence(tail.id), signer.end + 1)))) {
      const who = this.speakers.whoOfSpan(tail.id, signer);
      if (who?.name) return [who, 'after', tail.split];
    }
    const after = tail && this.afterQuote(tail);
    const head = this.headOf(para, q, first);
    const main = head && head.lo === 0 ? this.intros.mainClause(head.id, head.to) : undefined;
    if (main !== undefined && !after) return main ? [lessSure(main, HOW_SURE.clauseSubject)!, 'before'] : undefined;
    const before = head && this.beforeQuote(head, false);
    // `X said: “… .” … he added.`: the name at the quotation beats the pronoun after it.
    if (after && !(after.byPronoun && before?.name && before.sure === undefined && head !== undefined && this.introducesDirectly(head))) return [after, 'after', tail.split];
    if (before) return [lessSure(before, HOW_SURE.before)!, 'before'];
    // The forms the kept verbs miss: `“…,” the councillor fumed`, `Whitfield, on Twitter: “…”`, `X criticised Y for “…”`.
    const wideAfter = tail && this.afterQuoteWide(tail);
    if (wideAfter) return [lessSure(wideAfter, HOW_SURE.afterWide)!, 'after', tail.split];
    const named = head && this.intros.nameColon(head.id, head.lo, head.to);
    if (named) return [lessSure(named, HOW_SURE.nameColon)!, 'before'];
    const wideBefore = head && this.beforeQuoteWide(head, /^\p{Ll}/u.test(para.text.slice(q.from, q.to)));
    if (wideBefore) return [lessSure(wideBefore, HOW_SURE.beforeWide)!, 'before'];
    if (head) {
      // `X praised Ortiz on Twitter: “…`: the subject of the clause that introduces it.
      const hs = this.article.sentence(head.id);
      // A few words after a comma are more often an item of a list than a quotation.
      const opener = /^\p{Ll}/u.test(para.text.slice(q.from, q.to)) ? /^:$/u : /^[:,—–-]$/u;
      if (opener.test(tokenAt(hs, head.to))) {
        const main = this.article.lastVerb(head.id, head.lo, head.to);
        let who = main >= 0 ? this.speakers.subjectBefore(head.id, main, head.lo, true) : undefined;
        // `Lund has since apologised for what happened: “…`: the clause's own subject, when the last verb's names no one.
        const opening = tokenAt(hs, head.to) === ':' && !who?.name ? firstVerb(this.article, head.id, head.to) : undefined;
        if (opening !== undefined && opening >= head.lo && opening !== main) who = this.speakers.subjectBefore(head.id, opening, head.lo, true) ?? who;
        if (who) return [lessSure(who, HOW_SURE.clauseSubject)!, 'before'];
      }
    }
    // The sentence before introduces it: `Okafor said:` / `X tweeted on Monday:`.
    const intro = this.intros.introBefore(para, first);
    if (intro) return [lessSure(intro, HOW_SURE.intro)!, 'intro'];
    return undefined;
  }

  /** Where the words after the quotation are: `…,” said Okafor.` — or `?” wrote X` when the splitter ended the sentence at `?”`. */
  private tailOf(para: Paragraph, q: QuoteSpan, last: number): Tail | undefined {
    const punctuated = /[,!?…—–-]$/u.test(para.text.slice(q.from, q.to));
    let tailK = last;
    let from = this.article.tokenAtOrAfter(para, last, q.close);
    let split = false;
    // `…pollution." said Cynthia Giles`: a speech verb opening the next sentence attributes even after a full stop.
    const opensOnVerb = last + 1 < para.ids.length && this.article.isVerb(para.ids[last + 1], 0);
    if (from >= tokenCount(this.article.sentence(para.ids[last])) && last + 1 < para.ids.length && (punctuated || opensOnVerb)) {
      const next = this.article.sentence(para.ids[last + 1]);
      // `…?” Graham asked.`: after a question or an exclamation, a name and a speech verb open the next sentence.
      const asked =
        /[!?]$/u.test(para.text.slice(q.from, q.to)) &&
        this.article
          .spans(para.ids[last + 1])
          .some((sp) => sp.start === 0 && (this.article.isVerb(para.ids[last + 1], sp.end + 1) || this.article.isLexiconVerb(para.ids[last + 1], sp.end + 1)));
      if (/^\p{Ll}/u.test(tokenAt(next, 0)) || asked) {
        tailK = last + 1;
        from = 0;
        split = true;
      }
    }
    const id = para.ids[tailK];
    if (from >= tokenCount(this.article.sentence(id))) return undefined;
    return { id, from, end: this.article.clauseEnd(id, from), split, punctuated };
  }

  /** Whether a speech verb stands right after the quotation: `…,” said …`, `…,” the agency's director said`. */
  private hasSpeechVerbAfter(para: Paragraph, q: QuoteSpan, last: number): boolean {
    const tail = this.tailOf(para, q, last);
    const conjoined = !!tail && CONJUNCTIONS.has(lower(tokenAt(this.article.sentence(tail.id), tail.from)));
    if (!tail || !(tail.punctuated || tail.split || conjoined)) return false;
    // `…,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said`: the sentence names its own speaker.
    const ts = this.article.sentence(tail.id);
    let end = tail.from;
    while (end + 1 < tokenCount(ts) && !this.article.quoted(tail.id, end + 1) && !this.article.isStop(tail.id, end + 1)) end++;
    return this.article.verbIn(tail.id, tail.from, Math.min(end, tail.from + AFTER_QUOTE_REACH), 'first') >= 0;
  }

  /** `…,” said Okafor.` / `…,” the PM said.` / `…,” according to X.` */
  private afterQuote(tail: Tail): Who | undefined {
    const ts = this.article.sentence(tail.id);
    const verb = this.article.verbIn(tail.id, tail.from, Math.min(tail.end, tail.from + AFTER_QUOTE_REACH), 'first');
    if (verb < 0 || !(tail.punctuated || tokenAt(ts, tail.from) === ',' || verb - tail.from <= 1 || this.completesQuote(tail, verb))) return undefined;
    // `stating “stand back” but argued the far left …`: a verb after a conjunction goes on the clause before.
    if (CONJUNCTIONS.has(lower(tokenAt(ts, tail.from)))) return undefined;
    return this.speakers.speakerOfVerb(tail.id, verb, tail.from, tail.end);
  }

  /** `“This will be a challenge” for Lund, said Okafor.`: a few words without a verb finish the quoted sentence, then a comma and its speaker. */
  private completesQuote(tail: Tail, verb: number): boolean {
    const s = this.article.sentence(tail.id);
    let comma = tail.from;
    while (comma < verb && tokenAt(s, comma) !== ',') {
      if (['VERB', 'AUX'].includes(posAt(s.pos, comma)) || this.article.quoted(tail.id, comma)) return false;
      comma++;
    }
    return comma < verb && comma - tail.from <= 6 && verb - comma <= 8;
  }

  /**
   * `…,” the councillor fumed.` / `…,” Voss implored the committee.` / `…,” chimed in Whitfield.`: a verb of
   * the lexicon, or any verb used without an object, right after a quotation that ends on a comma or a question.
   */
  private afterQuoteWide(tail: Tail): Who | undefined {
    if (!tail.punctuated) return undefined;
    const s = this.article.sentence(tail.id);
    const hi = Math.min(tail.end, tail.from + 7);
    for (let v = tail.from; v <= hi; v++) {
      // "fumed" is often tagged as an adjective, like "alleged".
      const tag = posAt(s.pos, v);
      if (this.article.quoted(tail.id, v) || !(tag === 'VERB' || (tag === 'ADJ' && /ed$/u.test(tokenAt(s, v))))) continue;
      const lexicon = this.article.isLexiconVerb(tail.id, v);
      const next = v + 1 < tokenCount(s) ? posAt(s.pos, v + 1) : 'PUNCT';
      // `…?” reacted Trump.`: the verb first, then a name that ends the clause.
      const inverted =
        v === tail.from &&
        this.article.spans(tail.id).find((sp) => sp.start === v + 1 && sp.kind !== 'org' && sp.end === tail.end - (/^[.,;]$/u.test(tokenAt(s, tail.end)) ? 1 : 0));
      if (inverted) return lessSure(this.speakers.whoOfSpan(tail.id, inverted), HOW_SURE.anyVerb);
      if (!lexicon && !['PUNCT', 'ADP', 'ADV'].includes(next)) return undefined;
      const who = v > tail.from ? this.speakers.subjectBefore(tail.id, v, tail.from, true) : lexicon ? this.speakers.speakerOfVerb(tail.id, v, tail.from, tail.end) : undefined;
      return lexicon ? who : lessSure(who, HOW_SURE.anyVerb);
    }
    return undefined;
  }

  /** Where the words before the quotation are, in its first sentence. */
  private headOf(para: Paragraph, q: QuoteSpan, first: number): Head | undefined {
    const id = para.ids[first];
    const to = this.article.tokenAtOrAfter(para, first, q.open) - 1;
    if (to < 0) return undefined;
    let lo = this.article.clauseStart(id, to);
    if (this.article.verbIn(id, lo, to, 'last') < 0 && lo > 0 && !this.article.quoted(id, lo - 1)) {
      // "Heald said although …, “…”": the speech verb of the sentence governs the clause.
      lo = this.article.clauseStart(id, lo - 1);
    }
    return { id, lo, to };
  }

  /** `Okafor said: “…` / `According to Khan, “…` / `X called the stabbing “…”`; `wide`: `X criticised Y for “…”`. */
  private beforeQuote(head: Head, wide: boolean): Who | undefined {
    const verb = this.article.verbIn(head.id, head.lo, head.to, 'last', wide);
    return verb >= 0 ? this.speakers.speakerOfVerb(head.id, verb, head.lo, head.to) : undefined;
  }

  /** `Mr. Grant said: “…`: the speech verb stands right before the quotation. */
  private introducesDirectly(head: Head): boolean {
    const verb = this.article.verbIn(head.id, head.lo, head.to, 'last');
    return verb >= 0 && head.to - verb <= 1;
  }

  /**
   * `X criticised the mayor for “a reckless budget”`, `X hailed the deal as the “…”`: reported speech with a
   * verb of the lexicon. A few quoted words inside a sentence are often a title or a name someone else gave, so
   * for those the verb must govern them through "for", "of", "as" or "that", a few words away.
   */
  private beforeQuoteWide(head: Head, fragment: boolean): Who | undefined {
    const verb = this.article.verbIn(head.id, head.lo, head.to, 'last', true);
    if (verb < 0) return undefined;
    if (fragment) {
      const s = this.article.sentence(head.id);
      const link = lower(tokenAt(s, head.to)) === 'a' || lower(tokenAt(s, head.to)) === 'the' ? head.to - 1 : head.to;
      // `Lund attacked “the hateful ideology …”`: the quoted words are the object of the verb of saying itself.
      if (link !== verb && (link - verb > 6 || !EVALUATIVE_LINKS.has(lower(tokenAt(s, link))))) return undefined;
    }
    return lessSure(this.speakers.speakerOfVerb(head.id, verb, head.lo, head.to), fragment ? HOW_SURE.reported : 1);
  }

  /**
   * The speaker named after a quotation that runs to its paragraph's end: in the paragraph that
   * continues it (`“… / “… and that is final,” Lund said.`), or in a paragraph that only attributes (`So said Lund.`).
   */
  private forward(pi: number, unclosed: boolean, depth: number): Who | undefined {
    const next = this.article.paras[pi + 1];
    if (!next || depth > 4) return undefined;
    const q = next.quotes[0];
    if (unclosed && q && !isWordToken(next.text.slice(0, q.open))) {
      const found = this.attribute(
        next,
        q,
        0,
        next.starts.findLastIndex((st) => st < q.close - 1 || st <= q.from),
      );
      if (found) return found[0];
      return !isWordToken(next.text.slice(q.close)) ? this.forward(pi + 1, q.unclosed, depth + 1) : undefined;
    }
    return unclosed ? undefined : this.intros.attributionOnly(next.ids[0]);
  }

  private isQuotedTitle(para: Paragraph, q: QuoteSpan, quote: string): boolean {
    const first = para.starts.findLastIndex((st) => st <= q.open);
    return isWordToken(para.text.slice(para.starts[first], q.open)) && isTitle(quote);
  }

  /**
   * A quotation with nothing around it: the speaker of the paragraph's sentence before — or, for one that fills
   * its paragraph, of the last sentence of `prev`, a paragraph with no quotation (`Lund hit back, saying …. / “…”`).
   */
  private previousSentence(para: Paragraph, first: number, prev?: Paragraph): Who | undefined {
    const id = first > 0 ? para.ids[first - 1] : prev && !prev.quotes.length ? prev.ids.at(-1)! : -1;
    if (id < 0) return undefined;
    const s = this.article.sentence(id);
    const verb = this.article.verbIn(id, 0, tokenCount(s) - 1, 'last');
    const who = verb >= 0 ? this.speakers.speakerOfVerb(id, verb, this.article.clauseStart(id, verb), tokenCount(s) - 1) : undefined;
    return first > 0 ? who : lessSure(who, HOW_SURE.continuedParagraph);
  }
}
