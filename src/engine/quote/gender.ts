// Whether "he" or "she" can stand for a person the article names, from what the article itself says
// of them ("Mr. Lund", "Lund said her plan …"): no list of given names.
import { sentencesWith } from '../../index/index.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { lower, type ArticleClauses } from './clauses.ts';

type Pronoun = 'he' | 'she';

const PRONOUNS: Record<string, Pronoun> = { he: 'he', him: 'he', his: 'he', himself: 'he', she: 'she', her: 'she', hers: 'she', herself: 'she' };
const HONOURED: Record<string, Pronoun> = { mr: 'he', mrs: 'she', ms: 'she', miss: 'she' };

type Counts = { he: number; she: number };

/** What an article says of the people whose names end in one surname: pronouns by given name, and for the surname alone. */
interface SurnameCounts {
  all: Counts;
  byGiven: Map<string, Counts>;
}

const memo = new WeakMap<ArticleClauses, Map<string, SurnameCounts>>();

const decide = (c: Counts): Pronoun | undefined => (c.he > 2 * c.she ? 'he' : c.she > 2 * c.he ? 'she' : undefined);

/**
 * The pronoun the article uses for the person whose name ends in `name`'s last word: an honorific
 * counts twice, and so does each pronoun after the name, outside quotations, in a sentence that names
 * no one else. Undefined unless one pronoun outweighs the other two to one. When the article names two
 * people of the surname ("Ana Varga", "Anton Varga"), only the sentences that give `name`'s own
 * given name count, and a surname alone is nobody's.
 */
export function pronounOf(article: ArticleClauses, name: string): Pronoun | undefined {
  const words = name.split(/\s+/);
  const surname = words.at(-1) ?? name;
  const counts = countsOf(article, surname);
  if (counts.byGiven.size <= 1) return decide(counts.all);
  const own = words.length > 1 ? counts.byGiven.get(words[0]) : undefined;
  return own ? decide(own) : undefined;
}

function countsOf(article: ArticleClauses, surname: string): SurnameCounts {
  let known = memo.get(article);
  if (!known) memo.set(article, (known = new Map()));
  let counts = known.get(surname);
  if (!counts) known.set(surname, (counts = countPronouns(article, surname)));
  return counts;
}

function countPronouns(article: ArticleClauses, surname: string): SurnameCounts {
  const all = { he: 0, she: 0 };
  const byGiven = new Map<string, Counts>();
  for (const id of sentencesWith(article.index, article.doc, surname, article)) {
    const spans = article.spans(id).filter((sp) => sp.kind !== 'org' && !article.quoted(id, sp.start));
    const own = spans.find((sp) => sp.name.split(/\s+/).at(-1) === surname);
    if (!own) continue;
    const words = own.name.split(/\s+/);
    let given: Counts | undefined;
    if (words.length > 1) {
      given = byGiven.get(words[0]);
      if (!given) byGiven.set(words[0], (given = { he: 0, she: 0 }));
    }
    const add = (p: Pronoun, n: number): void => {
      all[p] += n;
      if (given) given[p] += n;
    };
    const honour = HONOURED[lower(own.role.split(/\s+/).at(-1) ?? '').replace(/\.$/u, '')];
    if (honour) add(honour, 2);
    if (spans.some((sp) => sp.name.split(/\s+/).at(-1) !== surname)) continue;
    const s = article.sentence(id);
    for (let k = own.end + 1; k < tokenCount(s); k++) {
      const p = article.quoted(id, k) ? undefined : PRONOUNS[lower(tokenAt(s, k))];
      if (p) add(p, 1);
    }
  }
  return { all, byGiven };
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
