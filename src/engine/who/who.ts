import type { SearchIndex } from '../../index/index.ts';
import { fold, termKey } from '../../nlp/terms.ts';
import { articleOf, examined, readingRange, sentenceAt, sentenceCount, sentenceKeys } from '../../index/index.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { posAt } from '../../nlp/pos.ts';
import { fullName, isNameWord, personWithRole, sentenceSpans, textOf, type NameSpan } from '../names/names.ts';
import { REGNAL_TITLES, ROLE_ABBREVIATIONS, TITLE_WORDS } from '../words.ts';
import { copulaPartners, rolesOf } from './name-roles.ts';
import { PLACE_PREPOSITIONS, placeLikeness } from '../names/name-places.ts';
import { analyseWho, type WhoQuestion } from './who-question.ts';
import { agentNounHits, wantedRole } from './agent-nouns.ts';
import { agentAfter, antecedent, isInfinitive, isPassive, objectAfter, subjectOf, verbPositions, type Relation } from './who-syntax.ts';
import type { QueryPlan } from '../query.ts';
import type { Hit } from '../retrieve/retrieve.ts';
import type { Candidate } from '../candidate.ts';

/** Titles that make someone not quite the role asked about: a deputy minister is not the minister. */
const LESSER_TITLES = new Set(['lieutenant', 'deputy', 'vice', 'former', 'acting', 'assistant', 'ex', 'associate', 'junior', 'interim']);

/** How many of the best hits get their verb structure read. */
const VERB_HITS = 20;

/** Person or organisation phrases answering the question, scored by role, verb structure and proximity. */
export function whoCandidates(index: SearchIndex, plan: QueryPlan, hits: Hit[]): Candidate[] {
  const q = analyseWho(plan.text);
  const out: Candidate[] = definitions(index, plan, hits);
  const spansOf = (id: number): NameSpan[] => sentenceSpans(index, id);
  const extra = agentNounHits(index, plan, q, hits);
  for (const [rank, hit] of [...hits, ...extra].entries()) {
    const s = hit.sentence;
    const spans = spansOf(hit.id);
    const roleKeys = wantedRole(index, hit.id, q);
    // Reading the verb's structure lemmatises the sentence: worth it for the best hits only.
    const relations = q.verb && (rank < VERB_HITS || rank >= hits.length) ? verbRelations(index, hit, q, spans) : undefined;
    const answered = new Set<NameSpan>();

    for (const span of spans) {
      // A capitalised common noun opening the sentence ("Survivors from …") is no name.
      if (span.start === 0 && span.nameStart === span.end && !isNameWord(index, span.name)) continue;
      const fit = proximity(plan, hit, span) * kindFactor(index, s, span) * overlapFactor(plan, span) * roleFit(index, hit, q, roleKeys, span, spans) * verbFit(relations, span);
      if (fit <= 0) continue;
      // The full name is looked up (over the whole article) only for a span that can answer.
      const answer = answerOf(index, hit.id, span);
      if (!answer || ownWords(plan, answer)) continue;
      answered.add(span);
      out.push({ answer: coordinated(index, hit.id, span, spans, answer, q, relations), hit, score: hit.score * fit, evidence: s.text });
    }

    // "he had ordered": the pronoun's antecedent does the verb.
    for (const r of relations?.pronouns ?? []) {
      const ante = antecedent(index, hit.id, r.at, spansOf);
      if (!ante) continue;
      const answer = answerOf(index, ante.id, ante.span);
      if (!answer || ownWords(plan, answer)) continue;
      const fit = 0.8 * (1 + 1.2 * r.strength * relations!.weight) * overlapFactor(plan, ante.span);
      out.push({ answer, hit, score: hit.score * fit, evidence: s.text });
    }
    // "the prime minister ordered": a role named in lower case stands for the person holding it.
    for (const r of relations?.roles ?? []) {
      const person = personWithRole(index, s.doc, r.role, hit.id);
      if (!person || ownWords(plan, person.name)) continue;
      out.push({ answer: person.name, hit, score: hit.score * 0.8 * (1 + 1.2 * r.strength * relations!.weight), evidence: s.text });
    }
    // "The lone survivor was a deck officer.": a common-noun answer across a copula.
    if (roleKeys.size) {
      for (const [a, b] of copulaPartners(s, roleKeys)) {
        if (spans.some((sp) => sp.start <= b && sp.end >= a)) continue;
        const text = textOf(s, a, b);
        const keys = words(text);
        if (!keys.length || keys.every((k) => plan.ownKeys.has(k) || roleKeys.has(k))) continue;
        if (![...Array(b - a + 1).keys()].some((k) => posAt(s.pos, a + k) === 'NOUN')) continue;
        out.push({ answer: text, hit, score: hit.score * 1.6, evidence: s.text });
      }
    }
  }
  return out;
}

/**
 * "composed by Ana Lind and Tom Berg", "who were the analysts" → both: the names coordinated
 * with the answer, when the question asks for several or the group together does the verb.
 */
function coordinated(index: SearchIndex, id: number, span: NameSpan, spans: NameSpan[], answer: string, q: WhoQuestion, rel: VerbRelations | undefined): string {
  const s = sentenceAt(index, id);
  const at = spans.indexOf(span);
  const group = [span];
  // Back to the group's first member, then forward: "A, B and C".
  const joined = (a: NameSpan, b: NameSpan): boolean => {
    if ((a.kind === 'org') !== (b.kind === 'org') || b.start <= a.end) return false;
    const between = [];
    for (let k = a.end + 1; k < b.start; k++) between.push(tokenAt(s, k));
    const gap = between.join(' ');
    return gap === 'and' || gap === ',' || gap === ', and' || gap === '&';
  };
  for (let k = at - 1; k >= 0 && group.length < 3 && joined(spans[k], group[0]); k--) group.unshift(spans[k]);
  for (let k = at + 1; k < spans.length && group.length < 3 && joined(group.at(-1)!, spans[k]); k++) group.push(spans[k]);
  if (group.length < 2) return answer;
  // A list of four or more is an enumeration, not the answer's partners.
  const after = group.at(-1)!;
  const more = spans[spans.indexOf(after) + 1];
  if (more && joined(after, more)) return answer;
  const before = spans[spans.indexOf(group[0]) - 1];
  if (before && joined(before, group[0])) return answer;
  if (!q.plural && !group.some((g) => rel?.spans.has(g))) return answer;
  const text = textOf(s, group[0].nameStart, after.end);
  return text.length <= 80 ? text : answer;
}

const words = (text: string): string[] =>
  text
    .split(/[\s-]+/)
    .map(termKey)
    .filter((k): k is string => k !== undefined);
const ownWords = (plan: QueryPlan, answer: string): boolean => {
  const keys = words(answer);
  return keys.length === 0 || keys.every((k) => plan.ownKeys.has(k));
};

/** The phrase to answer with: the full name the article gives, the person behind "the PM". */
function answerOf(index: SearchIndex, id: number, span: NameSpan): string | undefined {
  const d = articleOf(index, id);
  const nameWords = span.name.split(/\s+/);
  if (nameWords.every((w) => TITLE_WORDS.has(fold(w).replace(/\.$/, '')) || ROLE_ABBREVIATIONS[fold(w)])) {
    return personWithRole(index, d, span.name, id)?.name;
  }
  if (span.kind === 'org') return span.name;
  const full = fullName(index, d, span.name);
  // "King Harald V", "Lord Ashby": a monarch's or peer's title is part of how they are named.
  const s = sentenceAt(index, id);
  const title = span.nameStart > span.start ? tokenAt(s, span.nameStart - 1) : '';
  if (REGNAL_TITLES.has(fold(title).replace(/\.$/, '')) && /^\p{Lu}/u.test(title) && !full.startsWith(title)) return `${title} ${full}`;
  return full;
}

function proximity(plan: QueryPlan, hit: Hit, span: NameSpan): number {
  let near = 0;
  for (const [concept, positions] of hit.matched) {
    const d = Math.min(...positions.map((p) => (p < span.start ? span.start - p : p > span.end ? p - span.end : 0)));
    near += concept.weight / (1 + d / 4);
  }
  return 0.4 + 0.6 * (near / plan.totalWeight);
}

/** People first, then organisations; places (after "in", or what the corpus writes after "in") last. */
function kindFactor(index: SearchIndex, s: Hit['sentence'], span: NameSpan): number {
  const before = span.start > 0 ? tokenAt(s, span.start - 1).toLowerCase() : '';
  const afterPreposition = PLACE_PREPOSITIONS.has(before) || before === 'to';
  const place = placeLikeness(index, span.name);
  let f = span.kind === 'person' ? 1 : span.kind === 'org' ? 0.85 : 0.6;
  // "in Lumsk", "from Varna": a bare name after a place preposition is a place, not an actor.
  if (PLACE_PREPOSITIONS.has(before) && span.kind === 'other') return 0;
  if (afterPreposition && span.kind !== 'org') f *= span.kind === 'person' ? 0.6 : 0.55;
  // "the Iranian military", "Taliban spokesperson X": a name modifying a common noun is not the actor.
  const next = span.end + 1 < tokenCount(s) ? span.end + 1 : -1;
  if (span.kind !== 'person' && next >= 0 && posAt(s.pos, next) === 'NOUN' && /^\p{Ll}/u.test(tokenAt(s, next))) f *= 0.6;
  if (span.nameStart === span.end && posAt(s.pos, span.end) === 'ADJ') f *= 0.5;
  // "ABC's president": a possessive name qualifies someone else.
  if (/^['’]s$/.test(next >= 0 ? tokenAt(s, next) : '')) f *= 0.6;
  if (place >= 0.5 && span.kind !== 'org') f *= 0.4;
  else if (place >= 0.3 && span.kind !== 'org') f *= 0.7;
  return f;
}

/** A phrase sharing words with the question is mostly what the question is about, not its answer. */
function overlapFactor(plan: QueryPlan, span: NameSpan): number {
  const keys = words(span.name);
  if (!keys.length) return 1;
  const shared = keys.filter((k) => plan.ownKeys.has(k)).length / keys.length;
  return 1 - 0.85 * shared;
}

/** How well the roles the sentence gives the name fit the question's role and its modifiers. */
function roleFit(index: SearchIndex, hit: Hit, q: WhoQuestion, roleKeys: Set<string>, span: NameSpan, spans: NameSpan[]): number {
  if (!roleKeys.size) return 1;
  const s = hit.sentence;
  // An agent noun ("survivor" for "who survived") counts only when the sentence equates it with the name.
  const roles = rolesOf(s, span).filter((r) => q.role.length || r.how !== 'title');
  const match = roles.find((r) => r.keys.some((k) => roleKeys.has(k)));
  if (match) {
    let f = 3;
    if (q.role.length > 1 && q.role.every((k) => match.keys.includes(k))) f *= 1.2;
    const lesser = match.keys.filter((k) => LESSER_TITLES.has(k) && !q.modifiers.includes(k) && !q.role.includes(k));
    if (lesser.length) f *= 0.5;
    // "prime minister of Norway": another country's prime minister does not answer; the qualifier must be in evidence.
    for (const name of q.names) {
      if (match.keys.includes(name)) f *= 1.2;
      else {
        const where = nameEvidence(index, hit.id, name);
        if (where === 'none') return 0;
        if (where === 'article') f *= 0.6;
      }
    }
    for (const m of q.modifiers) if (!q.names.includes(m) && match.keys.includes(m)) f *= 1.2;
    return f;
  }
  // The role word near the name, nothing closer to it: "The detained suspect's identity is … 'Karl B'".
  const keys = sentenceKeys(hit.sentence);
  let best = Infinity;
  keys.forEach((k, p) => {
    if (!k || !roleKeys.has(k)) return;
    const dist = (sp: NameSpan): number => (p < sp.start ? sp.start - p : p > sp.end ? p - sp.end : 0);
    const d = dist(span);
    if (spans.every((o) => o === span || dist(o) > d)) best = Math.min(best, d);
  });
  if (best <= 12 && q.role.length) return 1.8;
  // A name holding some other title is someone else.
  if (roles.some((r) => r.how !== 'copula' && r.keys.some((k) => TITLE_WORDS.has(k)))) return 0.5;
  return q.role.length ? 0.8 : 1;
}

/** Where a qualifier of the question appears for a sentence: near it, elsewhere in its article, or not at all. */
function nameEvidence(index: SearchIndex, id: number, key: string): 'near' | 'article' | 'none' {
  const s = sentenceAt(index, id);
  const has = (n: number): boolean => sentenceKeys(sentenceAt(index, n)).some((k) => k !== undefined && sameName(k, key));
  for (let n = id - 2; n <= id + 2; n++) if (n >= 0 && n < sentenceCount(index) && articleOf(index, n) === s.doc && has(n)) return 'near';
  const title = index.docs[s.doc].title ?? '';
  if (words(title).some((k) => sameName(k, key))) return 'near';
  const { first, end } = readingRange(index, s.doc, id);
  examined.sentences += end - first;
  for (let n = first; n < end; n++) if (has(n)) return 'article';
  return 'none';
}

/** "norway" and "norwegian", "kenya" and "kenyan": a name and the adjective made from it. */
const sameName = (a: string, b: string): boolean => {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3;
};

interface VerbRelations {
  spans: Map<NameSpan, number>;
  pronouns: { at: number; strength: number }[];
  roles: { role: string; strength: number }[];
  /** The sentence uses the verb at all. */
  present: boolean;
  /** How much the verb tells: "had", "got", "made" are everywhere. */
  weight: number;
}

const LIGHT_VERBS = new Set(['have', 'get', 'make', 'take', 'do', 'go', 'come', 'give', 'be', 'become', 'put', 'set']);

/** Who does (or undergoes) the question's verb in this sentence. */
function verbRelations(index: SearchIndex, hit: Hit, q: WhoQuestion, spans: NameSpan[]): VerbRelations {
  const s = hit.sentence;
  const rel: VerbRelations = { spans: new Map(), pronouns: [], roles: [], present: false, weight: (LIGHT_VERBS.has(q.verb!.lemma) ? 0.4 : 1) * q.verb!.weight };
  const add = (r: Relation | NameSpan | undefined, strength: number): void => {
    if (!r) return;
    if ('name' in r) rel.spans.set(r, Math.max(rel.spans.get(r) ?? 0, strength));
    else if ('span' in r) rel.spans.set(r.span, Math.max(rel.spans.get(r.span) ?? 0, strength * r.strength));
    else rel.pronouns.push({ at: r.pronoun, strength: strength * r.strength });
  };
  const family = new Set<number>();
  for (const v of verbPositions(index, hit.id, q.verb!, family)) {
    rel.present = true;
    const passive = isPassive(s, v);
    // A verb of the same family ("defeated" for "beat") tells a little less than the question's own.
    const f = family.has(v) ? 0.7 : 1;
    if (q.object || q.passive) {
      if (passive) add(subjectOf(s, passiveStart(s, v), spans), f);
      else add(objectAfter(s, v, spans), f);
    } else if (passive) {
      add(agentAfter(s, v, spans), f);
    } else {
      const subj = subjectOf(s, v, spans);
      if (subj) add(subj, f);
      else {
        const role = roleSubject(s, v);
        if (role) rel.roles.push({ role, strength: 0.8 * f });
      }
    }
  }
  // "a lawsuit by X" answers "who brought the lawsuit".
  const keys = sentenceKeys(hit.sentence);
  keys.forEach((k, p) => {
    if (k && q.objectKeys.includes(k)) {
      const agent = agentAfter(s, p, spans, 1);
      if (agent) {
        rel.present = true;
        add(agent, 0.9);
      }
    }
  });
  return rel;
}

/** The first token of "was replaced" / "had been replaced": the subject stands before it. */
function passiveStart(s: Hit['sentence'], v: number): number {
  let j = v;
  while (j - 1 >= 0 && (posAt(s.pos, j - 1) === 'AUX' || posAt(s.pos, j - 1) === 'ADV' || posAt(s.pos, j - 1) === 'PART')) j--;
  return j;
}

/** "the prime minister ordered": the title words of a lower-case subject. */
function roleSubject(s: Hit['sentence'], v: number): string | undefined {
  if (isInfinitive(s, v)) return undefined;
  let j = v - 1;
  while (j >= 0 && (posAt(s.pos, j) === 'AUX' || posAt(s.pos, j) === 'ADV')) j--;
  if (j < 0) return undefined;
  // Only a definite role of titles alone: "the prime minister", "the PM" — not "the first head coach".
  const titles: string[] = [];
  let k = j;
  for (; k >= 0; k--) {
    const w = fold(tokenAt(s, k)).replace(/\.$/, '');
    if (TITLE_WORDS.has(w) || ROLE_ABBREVIATIONS[w]) titles.unshift(w);
    else break;
  }
  if (!titles.length || k < 0 || fold(tokenAt(s, k)) !== 'the') return undefined;
  return titles.join(' ');
}

function verbFit(rel: VerbRelations | undefined, span: NameSpan): number {
  if (!rel?.present) return 1;
  const strength = rel.spans.get(span);
  if (strength !== undefined) return 1 + 1.2 * strength * rel.weight;
  return 1 - 0.3 * rel.weight;
}

/** "who is TTP": the expansion the corpus gives for an acronym, cited where it is defined. */
function definitions(index: SearchIndex, plan: QueryPlan, hits: Hit[]): Candidate[] {
  if (plan.concepts.length !== 1) return [];
  // "T.T.P." is "TTP".
  const acronym = fold(plan.concepts[0].word).replace(/\./g, '');
  const out: Candidate[] = [];
  for (const expansion of index.acronyms[acronym] ?? []) {
    for (const hit of hits) {
      const text = hit.sentence.text;
      const at = text.indexOf(expansion);
      if (
        at >= 0 &&
        fold(text.slice(at + expansion.length))
          .trimStart()
          .startsWith(`(${acronym})`)
      ) {
        out.push({ answer: expansion, hit, score: hit.score * 1.5, evidence: text });
      }
    }
  }
  return out;
}
