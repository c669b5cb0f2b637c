// Who issued a statement: "a statement issued by the Prime Minister’s Office", "the statement said",
// "it said" — the body the article says issued it, else the nearest organisation named.
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { posAt } from '../../nlp/pos.ts';
import { textOf } from '../names/names.ts';
import { STATEMENT_NOUNS } from '../words.ts';
import { ISSUED_NOUNS } from './quote-words.ts';
import { lower, type ArticleClauses, type Who } from './clauses.ts';
import type { Speakers } from './speaker.ts';

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

  /** "the statement said" / "it said" → the body the article says issued it, else the nearest organisation named. */
  issuer(id: number, words: string[] = []): Who | undefined {
    const article = this.article;
    for (let i = id; i >= article.first; i--) {
      const s = article.sentence(i);
      for (let t = 0; t < tokenCount(s); t++) {
        const w = lower(tokenAt(s, t));
        if (article.quoted(i, t) || !(ISSUED_NOUNS.has(w) || STATEMENT_NOUNS.has(w))) continue;
        const by = this.issuedBy(i, t);
        if (by?.name) return { name: by.name, words: [...words, ...by.words] };
        // "The council said in a statement": the subject of that sentence issued it.
        if (i < id) {
          const v = article.verbIn(i, 0, t, 'last');
          const who = v >= 0 ? this.speakers.subjectBefore(i, v, article.clauseStart(i, v), false) : undefined;
          if (who?.name) return { name: who.name, words: [...words, ...who.words] };
        }
      }
      const orgs = article.spans(i).filter((sp) => sp.kind === 'org' && !article.quoted(i, sp.start));
      const issued = orgs.find((sp) => {
        for (let t = Math.max(0, sp.start - 6); t < sp.start; t++) if (ISSUED_NOUNS.has(lower(tokenAt(s, t))) || STATEMENT_NOUNS.has(lower(tokenAt(s, t)))) return true;
        return false;
      });
      if (issued) return { name: issued.name, words };
      if (i < id && orgs.length) return { name: orgs.at(-1)!.name, words };
    }
    return words.length ? { words } : undefined;
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
