// The question's named actors in the sentence's roles. A trick question often keeps every word of
// its sentence and moves a name to another role of the same act: "when was UNEP founded" over "the
// Trust Fund, established in 1989 by UNEP" (UNEP founded something, was not founded), "who did
// Frank Burnet inspire" over "Frank Burnet, inspired by a suggestion made by Niels Jerne", or gives
// the act to another name: "who does Sophocles defy" over "Antigone … defies Creon". The question's
// clause says which role each of its names has (the subject of an active verb is the agent, of a
// passive one the patient; the object is the patient, "by X" the agent); the sentence's structure
// says who has that role in the act it states.
import { nlp, its } from '../../nlp/nlp.ts';
import { posAt } from '../../nlp/pos.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import type { AnalysedSentence } from '../../nlp/analyse.ts';
import { fold, termKey } from '../../nlp/terms.ts';
import type { SearchIndex } from '../../index/index.ts';
import { sentenceSpans, type NameSpan } from '../names/names.ts';
import { verbOf, type QuestionVerb } from '../who/who-question.ts';
import { related, synonyms } from '../../nlp/wordnet.ts';
import { agentAfter, isPassive, objectAfter, subjectOf, verbPositions } from '../who/who-syntax.ts';
import type { Candidate } from '../candidate.ts';

type Role = 'agent' | 'patient';

/** Names of the question's clause, each group with the role the question gives it in its verb's act. */
export interface QuestionActors {
  verb: QuestionVerb;
  /** Keys of the nouns of the verb's act ("discovery", "resignation"): "the discovery of X by Y" states it too. */
  acts: Set<string>;
  /** The verb has no object in the question ("resign from", "die"): "the resignation of X" is X's own act. */
  objectless: boolean;
  groups: { names: string[][]; role: Role }[];
}

/** The sentence gives a question's name the other role of the act, or gives its role to another name. */
export type ActorFit = 'swapped' | 'other';

interface Tok {
  text: string;
  pos: string;
  lemma: string;
}

const DO = /^(do|does|did)$/;
const BE = /^(is|are|was|were|been|being)$/;
const AUX = /^(do|does|did|is|are|was|were|has|have|had|will|would|can|could|may|might|shall|should|must)$/;
/** Verbs that name no act of their own: the roles around them say nothing. */
const LIGHT = new Set(['be', 'have', 'do', 'get']);
const NP = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);

const capital = (t: Tok): boolean => /^\p{Lu}/u.test(t.text) || t.pos === 'PROPN';

/**
 * The names of the phrase from `from` to `to` when a name heads it: "the European Communities
 * Act", "the University of Economics", "Gdansk mayor Pawel Adamowicz", one per conjunct ("Barton
 * and Whitfield"); none for "the old parliament of Scotland", whose head is a common noun.
 */
const namesOf = (toks: Tok[], from: number, to: number): string[][] => {
  // The head is the phrase's last noun, before any "of": a common noun there makes it no name.
  const headOf = (a: number, b: number): Tok | undefined => {
    const of = toks.findIndex((t, i) => i >= a && i < b && fold(t.text) === 'of');
    return toks.slice(a, of >= 0 ? of : b).findLast((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || capital(t));
  };
  const head = headOf(from, to);
  if (from === 0 || !head || !capital(head)) return [];
  const out: string[][] = [];
  let start = from;
  for (let k = from; k <= to; k++) {
    if (k < to && !/^(and|&|,)$/.test(fold(toks[k].text))) continue;
    const keys = toks
      .slice(start, k)
      .filter(capital)
      .map((t) => termKey(t.text) ?? '')
      .filter(Boolean);
    if (keys.length) out.push(keys);
    start = k + 1;
  }
  return out;
};

/** The noun phrase starting at `from`: where it ends (exclusive). */
const npEnd = (toks: Tok[], from: number): number => {
  let k = from;
  const ofName = (i: number): boolean => fold(toks[i].text) === 'of' && i + 1 < toks.length && capital(toks[i + 1]);
  while (k < toks.length && (NP.has(toks[k].pos) || /^['’]s$/.test(toks[k].text) || ofName(k))) k++;
  return k;
};

const cache = new Map<string, QuestionActors | undefined>();

/** Reads the question's clause (the text after `/who` or `/when`), once per question. */
export function questionActors(query: string): QuestionActors | undefined {
  if (cache.has(query)) return cache.get(query);
  const q = readActors(query);
  if (cache.size > 500) cache.clear();
  cache.set(query, q);
  return q;
}

function readActors(query: string): QuestionActors | undefined {
  const text = /^(who|when)\b/i.test(query) ? query : `who ${query}`;
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out() as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
  const toks: Tok[] = words.map((w, i) => ({ text: w, pos: pos[i], lemma: fold(lemmas[i] ?? w) }));
  let k = 1;
  let aux: string | undefined;
  while (k < toks.length && AUX.test(fold(toks[k].text))) aux = fold(toks[k++].text);
  // The subject stands between the auxiliary and the verb: "when did [the Hornets] beat", "who was [X] replaced by".
  // After "did", the tagger may read the verb after a name as a noun or adjective ("did the French construct")
  // and a name as a verb ("did Dodge end"): the verb is the first lower-case word that may be one.
  const lower = (i: number): boolean => /^\p{Ll}+$/u.test(toks[i].text);
  const afterName = (i: number): boolean => (toks[i].pos === 'NOUN' || toks[i].pos === 'ADJ') && /^\p{Lu}/u.test(toks[i - 1].text);
  const isVerb = (i: number): boolean => (aux !== undefined && DO.test(aux) ? lower(i) && (toks[i].pos === 'VERB' || afterName(i)) : toks[i].pos === 'VERB');
  let v = k;
  while (v < toks.length && !isVerb(v)) v++;
  if (v >= toks.length || LIGHT.has(toks[v].lemma)) return undefined;
  // "was X founded", not "was the last time X hosted a final", whose verb has an object.
  const next = toks[v + 1]?.pos;
  const passive = Boolean(aux && BE.test(aux) && !/ing$/.test(fold(toks[v].text)) && next !== 'DET' && next !== 'PROPN' && next !== 'PRON');
  const groups: QuestionActors['groups'] = [];
  const subject = namesOf(toks, k, v);
  if (subject.length) groups.push({ names: subject, role: passive ? 'patient' : 'agent' });
  if (!passive) {
    const object = namesOf(toks, v + 1, npEnd(toks, v + 1));
    if (object.length) groups.push({ names: object, role: 'patient' });
  }
  const by = toks.findIndex((t, i) => i > v && i <= v + 3 && fold(t.text) === 'by');
  if (by > 0) {
    const agent = namesOf(toks, by + 1, npEnd(toks, by + 1));
    if (agent.length) groups.push({ names: agent, role: 'agent' });
  }
  if (groups.length === 0) return undefined;
  const lemma = toks[v].lemma;
  const alike = new Set(synonyms(lemma, 'v'));
  // WordNet's derivations of the verb, less its synonyms and the doer's noun ("discoverer").
  const acts = new Set(
    related(lemma, 'v')
      .filter((w) => !alike.has(w) && !/(er|or|ist)$/.test(w))
      .map((w) => termKey(w) ?? '')
      .filter(Boolean),
  );
  const objectless = !passive && !NP.has(toks[v + 1]?.pos ?? '');
  return { verb: verbOf(lemma, termKey(toks[v].text) ?? lemma), acts, objectless, groups };
}

/** A span's words and the abbreviation in parentheses after it ("United Nations Environment Programme (UNEP)"). */
function spanKeys(s: AnalysedSentence, sp: NameSpan): string[] {
  const words = sp.name.split(/\s+/);
  if (tokenAt(s, sp.end + 1) === '(' && tokenAt(s, sp.end + 3) === ')') words.push(tokenAt(s, sp.end + 2));
  return words.map((w) => termKey(w) ?? '').filter(Boolean);
}

/**
 * The span names the question's name: one holds all the other's words ("Priestley" for "Joseph
 * Priestley", "European Court of Justice" for "Court of Justice"), its abbreviation included; not
 * "Warsaw University of Life Sciences" for "University of Economics".
 */
function names(s: AnalysedSentence, sp: NameSpan, keys: string[]): boolean {
  const own = spanKeys(s, sp);
  const abbreviation = own.length > sp.name.split(/\s+/).length ? own.at(-1) : undefined;
  if (abbreviation && keys.includes(abbreviation)) return true;
  const words = abbreviation ? own.slice(0, -1) : own;
  const shared = words.filter((k) => keys.includes(k)).length;
  return shared > 0 && (shared === words.length || keys.every((k) => words.includes(k)));
}

/** "Frank Burnet, inspired by …", "the Trust Fund, established in 1989 by …": the name a participle after a comma describes. */
function participleHead(s: AnalysedSentence, v: number, spans: NameSpan[]): NameSpan | undefined {
  let j = v - 1;
  while (j >= 0 && posAt(s.pos, j) === 'ADV') j--;
  if (j < 1 || tokenAt(s, j) !== ',') return undefined;
  return spans.find((sp) => sp.end === j - 1);
}

const RELATIVE = /^(which|who|that)$/;

/** "the Eckhart Library, which closed …": the name a relative pronoun just before the verb group stands for. */
function relativeHead(s: AnalysedSentence, start: number, spans: NameSpan[]): NameSpan | undefined {
  const j = start - 1;
  if (j < 1 || !RELATIVE.test(fold(tokenAt(s, j)))) return undefined;
  const k = tokenAt(s, j - 1) === ',' ? j - 2 : j - 1;
  return spans.find((sp) => sp.end === k);
}

type Roles = Record<Role, NameSpan | undefined>;

/** Who has each role of the act at verb position `v`. */
function rolesAt(s: AnalysedSentence, v: number, spans: NameSpan[]): Roles {
  const spanOf = (r: ReturnType<typeof subjectOf>): NameSpan | undefined => (r && 'span' in r ? r.span : undefined);
  let start = v;
  while (start - 1 >= 0 && ['AUX', 'ADV', 'PART'].includes(posAt(s.pos, start - 1))) start--;
  // "the Fund, established in 2012 by X": a participle after a name, with its agent a few words on, is passive too.
  const reduced = /ed$/.test(fold(tokenAt(s, v))) && agentAfter(s, v, spans) !== undefined && participleHead(s, v, spans) !== undefined;
  if (!isPassive(s, v) && !reduced) return { agent: spanOf(subjectOf(s, v, spans)) ?? relativeHead(s, start, spans), patient: objectAfter(s, v, spans) };
  const patient = (start < v ? spanOf(subjectOf(s, start, spans)) : participleHead(s, v, spans)) ?? relativeHead(s, start, spans);
  return { agent: agentAfter(s, v, spans), patient };
}

/**
 * Who has each role of the act a noun at `n` names: "the discovery of the virus by Walter Reed";
 * without "by", "the resignation of X" gives X the agent's role when the question's verb has no
 * object, the patient's when it has one.
 */
function nounRolesAt(s: AnalysedSentence, n: number, spans: NameSpan[], objectless: boolean): Roles {
  let j = n + 2;
  if (posAt(s.pos, j) === 'DET') j++;
  const of = fold(tokenAt(s, n + 1) ?? '') === 'of' ? spans.find((sp) => sp.start === j || sp.nameStart === j) : undefined;
  // "by" after the noun, or after its "of" phrase.
  const by = agentAfter(s, n, spans, 8);
  if (by) return { agent: by, patient: of };
  return objectless ? { agent: of, patient: undefined } : { agent: undefined, patient: of };
}

/** Whether the sentence gives one of the question's names the other role of the act, or its role to another name. */
export function actorFit(index: SearchIndex, q: QuestionActors, c: Candidate): ActorFit | undefined {
  const s = c.hit.sentence;
  // A capitalised word inside the sentence is a name ("the Scotland Act"), not the verb.
  const at = verbPositions(index, c.hit.id, q.verb).filter((v) => posAt(s.pos, v) !== 'NOUN' && (v === 0 || !/^\p{Lu}/u.test(tokenAt(s, v))));
  const nouns: number[] = [];
  if (q.acts.size) for (let i = 0; i < tokenCount(s); i++) if (posAt(s.pos, i) === 'NOUN' && q.acts.has(termKey(tokenAt(s, i)) ?? '')) nouns.push(i);
  if (at.length === 0 && nouns.length === 0) return undefined;
  const spans = sentenceSpans(index, c.hit.id);
  const roles = [...at.map((v) => rolesAt(s, v, spans)), ...nouns.map((n) => nounRolesAt(s, n, spans, q.objectless))];
  let fit: ActorFit | undefined;
  for (const g of q.groups) {
    // The role's name or the one in apposition after it ("the Maltese Commissioner for Health, John Dalli").
    const is = (sp: NameSpan | undefined): boolean => {
      if (!sp) return false;
      const apposed = tokenAt(s, sp.end + 1) === ',' ? spans.find((x) => x.start === sp.end + 2) : undefined;
      return g.names.some((keys) => names(s, sp, keys) || Boolean(apposed && names(s, apposed, keys)));
    };
    if (roles.some((r) => is(r[g.role]))) continue;
    const other: Role = g.role === 'agent' ? 'patient' : 'agent';
    if (roles.some((r) => is(r[other]))) return 'swapped';
    if (roles.some((r) => r[g.role] !== undefined)) fit = 'other';
  }
  return fit;
}
