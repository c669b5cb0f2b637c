// Speakers named before a quotation without a speech verb at it: `Dana Whitfield, on Twitter: “…”`, the main clause
// after an opening one (`After X criticized …, Lena shot back, “…”`), and the sentence before that introduces it
// (`Okafor said:`, `X issued the following statement:`).
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { posAt } from '../../nlp/pos.ts';
import { STATEMENT_NOUNS } from '../words.ts';
import { ISSUED_NOUNS, TELL_VERBS } from './quote-words.ts';
import { joinedToPersonBefore } from './name-parts.ts';
import { lessSure, lower, type ArticleClauses, type Paragraph, type Who } from './clauses.ts';
import type { Speakers } from './speaker.ts';

/** Words that open a clause before the main one: "After Holt criticized …, Lena shot back". */
const SUBORDINATORS = new Set(['after', 'when', 'before', 'once', 'since', 'until', 'whenever', 'although', 'though', 'while', 'because', 'if']);

/** How sure a verb of the wide lexicon, not the kept one, introduces the quotation (as `beforeWide` in attribution.ts). */
const WIDE_VERB_SURE = 0.85;

export class Intros {
  constructor(
    private article: ArticleClauses,
    private speakers: Speakers,
  ) {}

  /**
   * `X issued the following statement today after Y announced …:` / `The following statement was released by X:`:
   * whoever issued the statement the clause names, not the subject of a later verb.
   */
  private statementIssuer(id: number, lo: number, hi: number): Who | undefined {
    const s = this.article.sentence(id);
    for (let k = lo; k <= hi; k++) {
      const w = lower(tokenAt(s, k));
      if (this.article.quoted(id, k) || !(STATEMENT_NOUNS.has(w) || ISSUED_NOUNS.has(w)) || posAt(s.pos, k) !== 'NOUN') continue;
      const by = this.speakers.issuedBy(id, k);
      if (by?.name) return by;
      let v = k - 1;
      while (v >= lo && ['DET', 'ADJ', 'NUM'].includes(posAt(s.pos, v))) v--;
      if (v >= lo && posAt(s.pos, v) === 'VERB') return this.speakers.subjectBefore(id, v, lo, true);
      return undefined;
    }
    return undefined;
  }

  /**
   * `Dana Whitfield, on Twitter:` / `Dana Whitfield (@dwhit):` / `Dana Whitfield, in a statement:`: a name,
   * then only an aside with no verb, then the colon that opens the quotation.
   */
  nameColon(id: number, from: number, to: number): Who | undefined {
    const s = this.article.sentence(id);
    if (!/^\)?:$/u.test(tokenAt(s, to))) return undefined;
    // `POLLS NOT WRONG, JUST EARLY - Carl Bialik: “…`: a dash ends the line's topic, and the name opens what follows.
    let lo = from;
    for (let k = to - 1; k > from; k--) if (/^[—–-]$/u.test(tokenAt(s, k)) && !this.article.quoted(id, k)) lo = Math.max(lo, k + 1);
    const sp = this.article.spans(id).find((x) => x.start >= lo && x.end < to && !this.article.quoted(id, x.start) && x.kind !== 'other');
    if (!sp || sp.start - lo > 5) return undefined;
    // `Former secretary of state Hillary Rodham Clinton:`: a title before the name, "of" included.
    for (let k = lo; k < sp.start; k++) if (!['DET', 'ADJ', 'NOUN', 'PROPN'].includes(posAt(s.pos, k)) && lower(tokenAt(s, k)) !== 'of') return undefined;
    let depth = 0;
    for (let k = sp.end + 1; k < to; k++) {
      const t = tokenAt(s, k);
      if (t === '(') depth++;
      else if (t.startsWith(')')) depth--;
      else if (depth === 0 && ['VERB', 'AUX'].includes(posAt(s.pos, k))) return undefined;
    }
    if (tokenAt(s, to).startsWith(')')) depth--;
    if (to - sp.end > 10 || depth > 0) return undefined;
    // `Dana Holt and Ivan Petrov:`: two speakers, neither named as the one.
    const second = this.article.spans(id).find((x) => x.start > sp.end && x.end < to && x.kind !== 'org' && joinedToPersonBefore(this.article, id, x));
    return second ? { words: [] } : this.speakers.whoOfSpan(id, sp);
  }

  /**
   * `After Holt criticized Anton Varga, Lena shot back, “…”`: when the verb of saying before the quotation is in the
   * clause sentence `id` opens with, the speaker is the subject of the main clause after its comma, before token `to`
   * (null: no name there). Undefined when the sentence has no such clause.
   */
  mainClause(id: number, to: number): Who | null | undefined {
    const s = this.article.sentence(id);
    if (!SUBORDINATORS.has(lower(tokenAt(s, 0)))) return undefined;
    for (let k = 0; k <= to; k++) if (this.article.quoted(id, k)) return undefined;
    let comma = 1;
    while (comma < to && tokenAt(s, comma) !== ',') comma++;
    const verb = this.article.verbIn(id, 0, comma, 'last', true);
    // "When asked by a host …, Okafor said, “…”": a verb of saying in the main clause attributes as usual.
    if (verb < 0 || comma >= to || this.article.verbIn(id, comma, to, 'last', true) >= 0) return undefined;
    // The main clause's subject: a name right after the comma ("Lena shot back"), else the subject of its first verb.
    const name = this.article.spans(id).find((sp) => sp.start === comma + 1 && !this.article.isPossessive(id, sp));
    let mainVerb = comma + 1;
    while (mainVerb <= to && posAt(s.pos, mainVerb) !== 'VERB') mainVerb++;
    const who = name ? this.speakers.whoOfSpan(id, name) : mainVerb <= to ? this.speakers.subjectBefore(id, mainVerb, comma + 1, true) : undefined;
    return who?.name ? who : null;
  }

  /** The sentence before introduces the quotation: `Okafor said:`, `X tweeted on Monday:`, `X issued the following statement:`. */
  introBefore(para: Paragraph, first: number): Who | undefined {
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
    // "X issued the following statement today after announcing …:" — the issuer, not a later verb's subject.
    const issued = this.statementIssuer(id, lo, n - 2);
    if (issued) return issued;
    const verb = this.article.verbIn(id, lo, n - 2, 'last');
    if (verb >= 0) return this.speakers.speakerOfVerb(id, verb, lo, n - 1);
    const named = this.nameColon(id, lo, n - 1);
    if (named) return named;
    const wide = this.article.verbIn(id, lo, n - 2, 'last', true);
    if (wide >= 0) return lessSure(this.speakers.speakerOfVerb(id, wide, lo, n - 1), WIDE_VERB_SURE);
    const main = this.article.lastVerb(id, lo, n - 2);
    return main >= 0 && tokenAt(s, n - 1) === ':' ? this.speakers.subjectBefore(id, main, lo, true) : undefined;
  }

  /** `So said Governor Lund on Friday.`: a short sentence with no quotation whose only verb is a speech verb. */
  attributionOnly(id: number): Who | undefined {
    const s = this.article.sentence(id);
    const n = tokenCount(s);
    if (n > 14 || this.article.quoted(id, 0)) return undefined;
    let verb = -1;
    for (let i = 0; i < n; i++) {
      const tag = posAt(s.pos, i);
      if (this.article.isVerb(id, i)) {
        if (verb >= 0) return undefined;
        verb = i;
      } else if (tag === 'VERB' || /^["“”«»]$/u.test(tokenAt(s, i))) return undefined;
    }
    if (verb < 0 || TELL_VERBS.has(lower(tokenAt(s, verb)))) return undefined;
    const who = this.speakers.speakerOfVerb(id, verb, 0, n - 1);
    if (!who?.name) return undefined;
    // "So said Governor Lund on Friday." — not "Lund lamented the loss.": after the speaker, only phrases led by a preposition.
    const speakerEnd =
      this.article
        .spans(id)
        .filter((sp) => sp.end > verb)
        .at(0)?.end ?? verb;
    for (let i = Math.max(verb, speakerEnd) + 1, led = false; i < n; i++) {
      const tag = posAt(s.pos, i);
      if (tag === 'ADP') led = true;
      else if (tag === 'NOUN' && !led) return undefined;
    }
    return who;
  }
}
