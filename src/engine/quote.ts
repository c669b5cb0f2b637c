import type { SearchIndex, SentenceRecord } from '../index/types.ts';
import { nlp } from '../nlp/nlp.ts';
import { posAt } from '../nlp/pos.ts';
import { tokenAt, tokenCount } from '../index/keys.ts';
import { fullName, nameSpans, personWithRole, type NameSpan } from './names.ts';
import { PERSON_PRONOUNS, ROLE_ABBREVIATIONS, STATEMENT_NOUNS, TITLE_WORDS } from './lexicon.ts';
import { fold, termKey } from './terms.ts';
import type { QueryPlan } from './query.ts';
import type { Hit } from './retrieve.ts';
import type { Candidate } from './candidate.ts';

const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'added', 'adds', 'noted', 'notes', 'stated', 'states', 'told', 'tells', 'explained', 'stressed',
  'emphasised', 'emphasized', 'remarked', 'declared', 'wrote', 'writes', 'tweeted', 'posted', 'asked', 'insisted', 'warned',
  'saying', 'continued', 'recalled', 'argued', 'claimed', 'announced', 'affirmed', 'observed', 'maintained', 'reiterated',
  'underlined', 'highlighted', 'acknowledged', 'admitted', 'replied', 'responded', 'urged', 'concluded',
]);

/** A paragraph as the sentences were stored, so quote offsets map back to cited text. */
interface Paragraph {
  ids: number[];
  text: string;
  starts: number[];
}

function paragraphOf(index: SearchIndex, id: number): Paragraph {
  const s = index.sentences[id];
  let first = id;
  while (first > 0 && index.sentences[first - 1].d === s.d && index.sentences[first - 1].p === s.p) first--;
  const ids: number[] = [];
  const starts: number[] = [];
  let text = '';
  for (let i = first; i < index.sentences.length && index.sentences[i].d === s.d && index.sentences[i].p === s.p; i++) {
    if (ids.length) text += ' ';
    starts.push(text.length);
    ids.push(i);
    text += index.sentences[i].text;
  }
  return { ids, text, starts };
}

interface QuoteSpan {
  /** Offsets of the quoted words (inside the marks) in the paragraph text. */
  from: number;
  to: number;
  /** Offsets including the marks. */
  open: number;
  close: number;
}

const PAIRS: [string, string][] = [['“', '”'], ['"', '"'], ['‘', '’'], ['«', '»']];

/** Quotations in a paragraph; an opening mark never closed runs to the paragraph's end, as in news style. */
export function findQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const [o, c] of PAIRS) {
    let i = 0;
    while ((i = text.indexOf(o, i)) !== -1) {
      // A single curly quote is an apostrophe inside a word.
      if (o === '‘' && i > 0 && /\p{L}/u.test(text[i - 1])) { i++; continue; }
      let j = text.indexOf(c, i + 1);
      if (o === '‘') while (j !== -1 && /\p{L}/u.test(text[j + 1] ?? '')) j = text.indexOf(c, j + 1);
      const close = j === -1 ? text.length : j + 1;
      const inner = text.slice(i + 1, j === -1 ? text.length : j).trim();
      // Scare quotes around a term or title are not quotations.
      if (inner.split(/\s+/).length >= 4) {
        const from = i + 1 + (text.slice(i + 1).length - text.slice(i + 1).trimStart().length);
        out.push({ from, to: from + inner.length, open: i, close });
      }
      i = close;
    }
  }
  return out.sort((a, b) => a.open - b.open);
}

/** Quotations matching the question, with their speaker. */
export function quoteCandidates(index: SearchIndex, plan: QueryPlan, hits: Hit[]): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const hit of hits) {
    const para = paragraphOf(index, hit.id);
    const k = para.ids.indexOf(hit.id);
    const sStart = para.starts[k];
    const sEnd = sStart + hit.sentence.text.length;
    for (const q of findQuotes(para.text)) {
      if (q.to <= sStart || q.from >= sEnd) continue;
      const key = `${para.ids[0]}:${q.from}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const first = para.starts.findLastIndex((st) => st <= q.open);
      const last = para.starts.findLastIndex((st) => st < q.close - 1);
      const cited = para.text.slice(para.starts[first], para.starts[last] + index.sentences[para.ids[last]].text.length);
      const quote = para.text.slice(q.from, q.to).replace(/[,;:]\s*$/, '');
      const coverage = quoteCoverage(plan, quote);
      const speaker = speakerOf(index, para, q, first, last);
      const score = hit.score * (0.2 + 0.8 * coverage) * (speaker ? 1 : 0.8);
      out.push({ answer: quote, speaker, evidence: quote, sentence: cited, hit, score });
    }
  }
  return out;
}

function quoteCoverage(plan: QueryPlan, quote: string): number {
  const keys = new Set((nlp.readDoc(quote).tokens().out() as string[]).map(termKey).filter(Boolean));
  let w = 0;
  for (const c of plan.concepts) if ([...c.keys].some((k) => keys.has(k))) w += c.weight;
  return plan.totalWeight ? w / plan.totalWeight : 0;
}

/** Token index range [a, b] of a sentence that lies within paragraph char range [from, to). */
function tokensBetween(s: SentenceRecord, sentStart: number, from: number, to: number): [number, number] {
  let a = -1;
  let b = -2;
  for (let i = 0; i < tokenCount(s); i++) {
    const st = sentStart + s.off[2 * i];
    if (st >= from && st < to) {
      if (a < 0) a = i;
      b = i;
    }
  }
  return [a, b];
}

function speakerOf(index: SearchIndex, para: Paragraph, q: QuoteSpan, first: number, last: number): string | undefined {
  // After the quote: `…,” said Miller.` / `…,” the PM said.` / `…,” Khan was quoted as saying`.
  const tailId = para.ids[last];
  const tailSentence = index.sentences[tailId];
  const tailStart = para.starts[last];
  const [ta, tb] = tokensBetween(tailSentence, tailStart, q.close, tailStart + tailSentence.text.length);
  if (ta >= 0) {
    const who = attributionIn(index, tailId, ta, Math.min(tb, ta + 12));
    if (who) return who;
  }
  // Before the quote: `Miller said: “…` / `According to Khan, “…`.
  const headId = para.ids[first];
  const headSentence = index.sentences[headId];
  const headStart = para.starts[first];
  const [ha, hb] = tokensBetween(headSentence, headStart, headStart, q.open);
  if (ha >= 0) {
    const who = attributionIn(index, headId, Math.max(ha, hb - 14), hb);
    if (who) return who;
  }
  // The sentence before introduces the speaker, or the quote continues an attributed one.
  const prev = para.ids[first] - 1;
  if (prev >= 0 && index.sentences[prev].d === headSentence.d) {
    const ps = index.sentences[prev];
    const who = attributionIn(index, prev, 0, tokenCount(ps) - 1, true);
    if (who) return who;
  }
  return undefined;
}

/** The speaker named around a speech verb within tokens [a, b] of a sentence. */
function attributionIn(index: SearchIndex, id: number, a: number, b: number, needVerb = true): string | undefined {
  const s = index.sentences[id];
  let verb = -1;
  for (let i = a; i <= b; i++) {
    const t = fold(tokenAt(s, i));
    if (SPEECH_VERBS.has(t) || (t === 'to' && i > a && fold(tokenAt(s, i - 1)) === 'according')) {
      verb = i;
      break;
    }
  }
  if (verb < 0 && needVerb) return undefined;
  const spans = nameSpans(s, index).filter((sp) => sp.end >= a && sp.start <= b);
  // Prefer the subject right before the verb, then the name right after it ("said Miller").
  const before = spans.filter((sp) => sp.end < verb && verb - sp.end <= 5).at(-1);
  const after = spans.find((sp) => sp.start > verb && sp.start - verb <= 3);
  const span = before ?? after;
  if (span) return nameOf(index, s, span, id);
  const window = [] as string[];
  for (let i = Math.max(a, verb - 4); i < verb; i++) window.push(fold(tokenAt(s, i)));
  for (let i = verb + 1; i <= Math.min(b, verb + 3); i++) window.push(fold(tokenAt(s, i)));
  if (window.some((w) => PERSON_PRONOUNS.has(w))) return lastPersonBefore(index, id, verb);
  if (window.some((w) => STATEMENT_NOUNS.has(w))) return issuerOf(index, id);
  const role = window.filter((w) => TITLE_WORDS.has(w) || ROLE_ABBREVIATIONS[w]).join(' ');
  if (role) return personWithRole(index, s.d, role, id)?.name;
  return undefined;
}

function nameOf(index: SearchIndex, s: SentenceRecord, span: NameSpan, id: number): string | undefined {
  if (ROLE_ABBREVIATIONS[fold(span.name)]) return personWithRole(index, s.d, span.name, id)?.name;
  if (span.kind === 'org') return span.name;
  if (span.name.split(/\s+/).length === 1) {
    const byRole = span.role ? personWithRole(index, s.d, span.role, id) : undefined;
    if (byRole && byRole.name.endsWith(span.name)) return byRole.name;
  }
  return fullName(index, s.d, span.name);
}

/** The nearest person named earlier in the article ("he added" → that person). */
function lastPersonBefore(index: SearchIndex, id: number, tokenLimit: number): string | undefined {
  const d = index.sentences[id].d;
  for (let i = id; i >= index.docs[d].first; i--) {
    const spans = nameSpans(index.sentences[i], index).filter((sp) => sp.kind === 'person' && (i < id || sp.end < tokenLimit));
    if (spans.length) return fullName(index, d, spans.at(-1)!.name);
    if (i < id) {
      const short = nameSpans(index.sentences[i], index).filter((sp) => sp.kind === 'other' && posAt(index.sentences[i].pos, sp.nameStart) === 'PROPN').at(-1);
      if (short && fullName(index, d, short.name) !== short.name) return fullName(index, d, short.name);
    }
  }
  return undefined;
}

/** "the release said" → the body the article says issued it, else the nearest organisation named. */
function issuerOf(index: SearchIndex, id: number): string | undefined {
  const d = index.sentences[id].d;
  for (let i = id; i >= index.docs[d].first; i--) {
    const s = index.sentences[i];
    const orgs = nameSpans(s, index).filter((sp) => sp.kind === 'org');
    const issued = orgs.find((sp) => {
      for (let t = Math.max(0, sp.start - 6); t < sp.start; t++) if (STATEMENT_NOUNS.has(fold(tokenAt(s, t)))) return true;
      return false;
    });
    if (issued) return issued.name;
    if (i < id && orgs.length) return orgs.at(-1)!.name;
  }
  return undefined;
}
