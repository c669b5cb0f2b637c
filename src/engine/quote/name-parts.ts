// The words of a name span that name the person: without the dateline, organisation and titles the
// name finder joined to it ("WASHINGTON Christine A. Varney", "Civil Rights Division Thomas E. Perez",
// "Special Agent in Charge Harpster", "Ambassador to Chile Mark Rowe").
import { tokenAt } from '../../nlp/tokens.ts';
import { posAt } from '../../nlp/pos.ts';
import { fullName, textOf, type NameSpan } from '../names/names.ts';
import { NAME_PARTICLES, ORG_WORDS, TITLE_WORDS } from '../words.ts';
import { PREPOSITIONS } from './quote-words.ts';
import { isGivenName, lower, type ArticleClauses } from './clauses.ts';

/** The person's name words of span `sp` of sentence `id`, and whether "in Charge" closed a title before them. */
export function nameParts(article: ArticleClauses, id: number, sp: NameSpan): { parts: string[]; inCharge: boolean } {
  const s = article.sentence(id);
  let parts = sp.name.split(/\s+/);
  // "Mohammad bin Salman", "Ursula von der Leyen": particles the name finder split at.
  let k = sp.nameStart - 1;
  while (k > 0 && NAME_PARTICLES.has(tokenAt(s, k))) k--;
  const head = k < sp.nameStart - 1 ? article.spanEndingAt(id, k) : undefined;
  if (head && head.kind !== 'org') parts = textOf(s, head.nameStart, sp.end).split(/\s+/);
  // "WASHINGTON Christine A. Varney": a dateline the name finder joined to the name.
  if (parts.length >= 3 && sp.start === 0 && /^\p{Lu}{3,}$/u.test(parts[0])) parts = parts.slice(1);
  // "Civil Rights Division Thomas E. Perez", "United Nations Nikki Haley": the organisation a title named ends before the person.
  const orgEnd = parts.findLastIndex((w, i) => i < parts.length - 1 && ORG_WORDS.has(lower(w)));
  if (sp.kind === 'person' || sp.kind === 'other') parts = parts.slice(orgEnd + 1);
  // "Ex-Prime Minister Donald Tusk": titles the name finder kept.
  while (parts.length > 2 && parts[0].split(/[-‐]/).some((w) => TITLE_WORDS.has(lower(w).replace(/\.$/, '')) || lower(w) === 'ex')) parts = parts.slice(1);
  // "Maureen O'Mara Special Agent in Charge": a title of two words or more joined after the name (a comma missing).
  let kept = parts.length;
  while (kept > 1 && TITLE_WORDS.has(lower(parts[kept - 1]).replace(/\.$/, ''))) kept--;
  if (parts.length - kept >= 2 && kept >= 2) parts = parts.slice(0, kept);
  // "Special Agent in Charge Phillip M. Coyne": "Charge" closes the title.
  const inCharge = parts.length >= 2 && parts[0] === 'Charge' && sp.start > 0 && lower(tokenAt(s, sp.start - 1)) === 'in';
  if (inCharge) {
    parts = parts.slice(1);
  }
  // "Ambassador to Chile Mark Rowe": the place belongs to the title.
  if (!inCharge && parts.length >= 3 && sp.start > 0 && PREPOSITIONS.has(lower(tokenAt(s, sp.start - 1)))) {
    // "for National Security Olsen": the article's full name for the surname, else the last two words;
    // "of London Sadiq Khan": a given name before the surname is the name as written, whoever else the article calls Khan.
    const full = fullName(article.index, article.doc, parts.at(-1)!);
    const own = isGivenName(parts.at(-2)!);
    parts = !own && full.split(/\s+/).length >= 2 && !full.startsWith(parts[0]) ? full.split(/\s+/) : parts.slice(-2);
  }
  return { parts, inCharge };
}

/** The names joined to span `sp` by "and", "&" or "of" ("The High Court of England and Wales"), first to last; undefined without an "and". */
export function joinedNames(article: ArticleClauses, id: number, sp: NameSpan): NameSpan[] | undefined {
  const s = article.sentence(id);
  const chain = [sp];
  let joined = false;
  for (let k = sp.start - 1; k > 0 && ['and', '&', 'of'].includes(lower(tokenAt(s, k))); k = chain[0].start - 1) {
    const before = article.spanEndingAt(id, k - 1);
    if (!before || article.quoted(id, k - 1)) break;
    joined ||= lower(tokenAt(s, k)) !== 'of';
    chain.unshift(before);
  }
  return joined ? chain : undefined;
}

/** "Lund and 24-year-old Tom Reyes", "X and aide Y": a person's name joined by "and" (past a few lowercase words) to a name before it. */
export function joinedToPersonBefore(article: ArticleClauses, id: number, sp: NameSpan): boolean {
  const s = article.sentence(id);
  let k = sp.start - 1;
  while (k > sp.start - 5 && k > 0 && ((['ADJ', 'NUM', 'DET', 'NOUN'].includes(posAt(s.pos, k)) && !/^\p{Lu}/u.test(tokenAt(s, k))) || tokenAt(s, k) === '-')) k--;
  const before = k > 0 && ['and', '&'].includes(lower(tokenAt(s, k))) ? article.spanEndingAt(id, k - 1) : undefined;
  return !!before && before.kind !== 'org' && !article.quoted(id, before.start);
}
