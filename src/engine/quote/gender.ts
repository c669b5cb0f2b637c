// Whether "he" or "she" can stand for a person the article names, from what the article itself says
// of them ("Mr. Lund", "Lund said her plan …"): no list of given names.
import { sentencesWith } from '../../index/index.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { lower, type ArticleClauses } from './clauses.ts';

type Pronoun = 'he' | 'she';

const PRONOUNS: Record<string, Pronoun> = { he: 'he', him: 'he', his: 'he', himself: 'he', she: 'she', her: 'she', hers: 'she', herself: 'she' };
const HONOURED: Record<string, Pronoun> = { mr: 'he', mrs: 'she', ms: 'she', miss: 'she' };

const memo = new WeakMap<ArticleClauses, Map<string, Pronoun | undefined>>();

/**
 * The pronoun the article uses for the person whose name ends in `name`'s last word: an honorific
 * counts twice, and so does each pronoun after the name, outside quotations, in a sentence that names
 * no one else. Undefined unless one pronoun outweighs the other two to one.
 */
export function pronounOf(article: ArticleClauses, name: string): Pronoun | undefined {
  const surname = name.split(/\s+/).at(-1) ?? name;
  let known = memo.get(article);
  if (!known) memo.set(article, (known = new Map()));
  if (known.has(surname)) return known.get(surname);
  const count = { he: 0, she: 0 };
  const given = new Set<string>();
  for (const id of sentencesWith(article.index, article.doc, surname, article)) {
    const spans = article.spans(id).filter((sp) => sp.kind !== 'org' && !article.quoted(id, sp.start));
    const own = spans.find((sp) => sp.name.split(/\s+/).at(-1) === surname);
    if (!own) continue;
    const words = own.name.split(/\s+/);
    if (words.length > 1) given.add(words[0]);
    const honour = HONOURED[lower(own.role.split(/\s+/).at(-1) ?? '').replace(/\.$/u, '')];
    if (honour) count[honour] += 2;
    if (spans.some((sp) => sp.name.split(/\s+/).at(-1) !== surname)) continue;
    const s = article.sentence(id);
    for (let k = own.end + 1; k < tokenCount(s); k++) {
      const p = article.quoted(id, k) ? undefined : PRONOUNS[lower(tokenAt(s, k))];
      if (p) count[p]++;
    }
  }
  // "Donald Trump" and "Ivanka Trump": what the article says of the surname is not said of one person.
  const found = given.size > 1 ? undefined : count.he > 2 * count.she ? 'he' : count.she > 2 * count.he ? 'she' : undefined;
  known.set(surname, found);
  return found;
}

/**
 * Whether pronoun `p` ("he", "she") may stand for the person named `name`: not when the article calls them
 * the other, and, once a nearer person was passed over for that (`strict`), only when it calls them `p`.
 */
export const mayStandFor = (article: ArticleClauses, p: string | undefined, name: string, strict: boolean): boolean => {
  if (p !== 'he' && p !== 'she') return true;
  const known = pronounOf(article, name);
  return known === p || (known === undefined && !strict);
};

/** The people one pronoun is tried on, nearest first: "she said" after a man was named passes him over, then takes only a "she". */
export class PronounFit {
  private passed = false;

  constructor(
    private article: ArticleClauses,
    private pronoun: string | undefined,
  ) {}

  fits(name: string): boolean {
    const ok = mayStandFor(this.article, this.pronoun, name, this.passed);
    if (!ok && !mayStandFor(this.article, this.pronoun, name, false)) this.passed = true;
    return ok;
  }
}
