// Who issued a statement: "a statement issued by the Prime Minister’s Office", "the statement said",
// "it said" — the body the article says issued it, else the nearest organisation named.
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { posAt } from '../../nlp/pos.ts';
import { textOf } from '../names/names.ts';
import { STATEMENT_NOUNS } from '../words.ts';
import { ISSUED_NOUNS, ISSUING_VERBS, PREPOSITIONS } from './quote-words.ts';
import { lower, type ArticleClauses, type Who } from './clauses.ts';
import type { Speakers } from './speaker.ts';

/**
 * An organisation named only nearby, with nothing saying it issued the words: a guess, below
 * MIN_SPEAKER_CONFIDENCE once any other doubt multiplies it (hand-checked samples, docs/QUOTES.md).
 */
const NEAREST_ORG_SURE = 0.55;

export class Issuers {
  constructor(
    private article: ArticleClauses,
    private speakers: Speakers,
  ) {}

  /** "a statement issued by the Prime Minister’s Office", "a tweet on Monday by X": the issuer after a document noun at token `k`. */
  issuedBy(id: number, k: number): Who | undefined {
    const article = this.article;
    const s = article.sentence(id);
    for (let t = k + 1; t < Math.min(tokenCount(s), k + 9) && !article.quoted(id, t); t++) {
      const w = lower(tokenAt(s, t));
      if (w === ',' || w === '.' || w === ';') return undefined;
      if (w !== 'by' && w !== 'from') continue;
      let a = t + 1;
      if (a < tokenCount(s) && posAt(s.pos, a) === 'DET') a++;
      // "by US Secretary of State Ana Garcia": the first name that is not a bare title.
      const sp =
        article.spans(id).find((x) => x.end >= a && x.start <= a + 6 && !article.isRoleOnly(x) && !article.isPossessive(id, x)) ??
        article.spans(id).find((x) => x.start <= a && x.end >= a);
      if (!sp) return undefined;
      // "the Prime Minister’s Office": the owner and the office are one name.
      const owner = article.spans(id).find((x) => x.start <= a && x.end >= a && article.isPossessive(id, x));
      const next = owner ? article.spans(id).find((x) => x.start === owner.end + 2) : undefined;
      if (owner && next && next.kind === 'org') return { name: textOf(s, owner.start, next.end), words: [textOf(s, owner.start, next.end)] };
      // "by Justice Department spokesman Brian Fallon": the person the organisation's title introduces.
      const person = sp.kind === 'org' ? article.spans(id).find((x) => x.kind === 'person' && x.start > sp.end && x.start <= sp.end + 3) : undefined;
      return this.speakers.whoOfSpan(id, person ?? sp);
    }
    return undefined;
  }

  /** Set while an issuer is looked for: the subject that issued a statement may itself be a document ("the report released a statement"). */
  private busy = false;

  /** "the statement said" / "it said" → the body the article says issued it, else the nearest organisation named. */
  issuer(id: number, words: string[] = []): Who | undefined {
    if (this.busy) return undefined;
    this.busy = true;
    try {
      return this.findIssuer(id, words);
    } finally {
      this.busy = false;
    }
  }

  private findIssuer(id: number, words: string[]): Who | undefined {
    const article = this.article;
    // "as the indictment says": an earlier sentence tells who issued that document, not another ("his incident report").
    const isDocument = (w: string): boolean => ISSUED_NOUNS.has(w) || STATEMENT_NOUNS.has(w);
    const named = words.map((w) => lower(w)).filter(isDocument);
    for (let i = id; i >= article.first; i--) {
      const s = article.sentence(i);
      for (let t = 0; t < tokenCount(s); t++) {
        const w = lower(tokenAt(s, t));
        if (article.quoted(i, t) || !isDocument(w) || (i < id && named.length && !named.some((n) => n.replace(/s$/u, '') === w.replace(/s$/u, '')))) continue;
        const by = this.issuedBy(i, t);
        if (by?.name) return { name: by.name, words: [...words, ...by.words] };
        // "The council said in a statement" (a sentence before), "Facebook released a statement which read": the subject that issued it.
        const v = i < id ? article.verbIn(i, 0, t, 'last') : this.issuingVerb(i, t);
        const who = v >= 0 ? this.speakers.subjectBefore(i, v, article.clauseStart(i, v), false) : undefined;
        if (who?.name) return { name: who.name, words: [...words, ...who.words] };
      }
      // "a filing to the Securities and Exchange Commission", "told the Military Times": a recipient or a listener issued nothing.
      const orgs = article.spans(i).filter((sp) => sp.kind === 'org' && !article.quoted(i, sp.start) && !this.isObject(i, sp.start));
      // "a statement from the ministry", "the report of the Audit Office" — not "his report that G.H. kicked".
      const issued = orgs.find((sp) => {
        let k = sp.start - 1;
        while (k > 0 && posAt(s.pos, k) === 'DET') k--;
        if (!['by', 'from', 'of'].includes(lower(tokenAt(s, k)))) return false;
        for (let t = Math.max(0, sp.start - 6); t < sp.start; t++) if (isDocument(lower(tokenAt(s, t)))) return true;
        return false;
      });
      if (issued) return { name: issued.name, words };
      if (i < id && orgs.length) return { name: orgs.at(-1)!.name, words, sure: NEAREST_ORG_SURE };
    }
    return words.length ? { words } : undefined;
  }

  /** The verb whose object is the document noun at `t` ("released a statement", "put out the following statement"), else -1. */
  private issuingVerb(id: number, t: number): number {
    const s = this.article.sentence(id);
    let k = t - 1;
    while (k >= 0 && k >= t - 4 && (['DET', 'ADJ', 'NUM'].includes(posAt(s.pos, k)) || lower(tokenAt(s, k)) === 'out')) k--;
    return k >= 0 && ISSUING_VERBS.has(lower(tokenAt(s, k))) && !this.article.quoted(id, k) ? k : -1;
  }

  /** Whether the phrase at `start` is governed by a verb or a preposition other than "by" and "from". */
  private isObject(id: number, start: number): boolean {
    const s = this.article.sentence(id);
    let k = start - 1;
    // "to the U.S. Securities and Exchange Commission": back over the whole name, joined parts included.
    while (k >= 0 && (['DET', 'ADJ', 'PROPN'].includes(posAt(s.pos, k)) || (['and', '&'].includes(lower(tokenAt(s, k))) && k > 0 && posAt(s.pos, k - 1) === 'PROPN'))) k--;
    if (k < 0) return false;
    const w = lower(tokenAt(s, k));
    return posAt(s.pos, k) === 'VERB' || (PREPOSITIONS.has(w) && w !== 'from');
  }

  /** "the ministry said" → the last organisation before sentence `id` whose name has that head word. */
  orgNamed(id: number, head: string): string | undefined {
    for (let i = id; i >= this.article.first; i--) {
      const org = this.article
        .spans(i)
        .filter((sp) => sp.kind === 'org' && lower(sp.name).split(/\s+/).includes(head))
        .at(-1);
      if (org) return org.name;
    }
    return undefined;
  }
}
