// A statement named only in the article's title line: "Statement of Attorney General Eric Holder on …",
// "Statement by Dean Boyd, Justice Department Spokesman, on …", "Justice Department Statement on …".
// The quotations that make up such an article are the words of the one issuer the title names.
import { fullName, personWithRole } from '../names/names.ts';
import { ORG_WORDS, STATEMENT_NOUNS, TITLE_WORDS } from '../words.ts';
import type { ArticleClauses, Who } from './clauses.ts';

/** How sure the issuer a title names is the speaker of a quotation that has no speaker of its own. */
const HEADLINE_SURE = 0.85;

/** What follows the issuer in a title: the matter the statement is on. */
const MATTER = `(?:,| on | regarding | concerning | about | following | after | in response to |$)`;

/** "Statement of/by/from X on …": a statement noun (singular: one statement), its issuer after of/by/from. */
const OF_ISSUER = new RegExp(String.raw`^(?:the )?(\p{L}+) (?:of|by|from) (?:the )?(.+?)${MATTER}`, 'iu');
/** "X Statement on …", "X Issues Statement on …". */
const ISSUER_FIRST = /^(?:the )?(.+?) (?:issues |releases )?(\p{L}+) (?:on|regarding|concerning|about|following)\b/iu;

/**
 * The one issuer an article's title names as the author of its statement, or undefined; `named` says whether
 * the article's text names it outside quotations (a title's capitals alone do not make a name: "Judge Rejects Report on …").
 */
export function headlineIssuer(article: ArticleClauses, named: (name: string) => boolean): Who | undefined {
  const title = article.index.docs[article.doc].title?.trim() ?? '';
  const of = title.match(OF_ISSUER);
  const first = title.match(ISSUER_FIRST);
  const phrase = of && STATEMENT_NOUNS.has(of[1].toLowerCase()) ? of[2] : first && STATEMENT_NOUNS.has(first[2].toLowerCase()) ? first[1] : undefined;
  // "Statement by X and Y": two issuers, so neither is the speaker.
  if (!phrase || /\band\b|&/iu.test(phrase)) return undefined;
  // After "Statement of" stands a noun phrase; before "Statement on", a title's capitals may be a verb's.
  const check = phrase === of?.[2] ? () => true : named;
  const words = phrase.split(/\s+/);
  if (words.some((w) => ORG_WORDS.has(w.toLowerCase()))) return check(phrase) ? { name: phrase, words, sure: HEADLINE_SURE } : undefined;
  let k = 0;
  while (k < words.length && TITLE_WORDS.has(words[k].toLowerCase().replace(/\.$/, ''))) k++;
  const name = words.slice(k);
  if (!name.length) {
    // "Statement from the Attorney General on …": the person the article gives that role.
    const p = personWithRole(article.index, article.doc, phrase.toLowerCase());
    return p ? { name: p.name, words, sure: HEADLINE_SURE } : undefined;
  }
  if (!name.every((w) => /^\p{Lu}/u.test(w)) || !check(name.join(' '))) return undefined;
  return { name: fullName(article.index, article.doc, name.join(' ')), words, sure: HEADLINE_SURE };
}
