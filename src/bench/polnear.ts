// Held-out quote check on other annotators' speakers (dev only): turns a split of PolNeAR, the
// Political News Attribution Relations corpus (US election news of 2016, attributions annotated by
// its own team: https://github.com/networkdynamics/PolNeAR), into a corpus folder and /quote
// questions that score.mjs judges like any other question set.
//
//   npx tsx src/bench/polnear.ts POLNEAR_DIR SPLIT OUT_DIR     (SPLIT: train, dev or test)
//   node ../shared/eval/score.mjs --corpus OUT_DIR/corpus OUT_DIR/quotes.jsonl
//
// Each question is a direct quotation of five or more words that an annotator attributed: its ask
// is a run of words from inside the quotation, and the expected speaker is the surname the
// annotated source names. A source that is a pronoun or a description ("he", "the spokeswoman")
// is resolved through the CoreNLP coreference chains that PolNeAR ships; a source that resolves to
// no person is left out (it cannot be judged), and so are quotations without a source.
// Nothing of PolNeAR goes into the engine: tune on train or dev, and read test only as the figure.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Span {
  start: number;
  end: number;
  text: string;
}

interface Relation {
  source?: Span;
  content: Span;
}

interface Token {
  word: string;
  begin: number;
  end: number;
  pos: string;
  ner: string;
}

/** A CoreNLP document: tokens by sentence, and coreference chains of [sentence, start, end) mentions (1-based, as CoreNLP counts). */
interface Parsed {
  sentences: Token[][];
  chains: [number, number, number][][];
}

/** The brat standoff of one annotator: attribution relations with their source and content spans. */
function readRelations(ann: string): Relation[] {
  const spans = new Map<string, Span>();
  const out: Relation[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (cols[0].startsWith('T') && cols.length >= 3) {
      const [, start, end] = cols[1].split(/[ ;]/);
      spans.set(cols[0], { start: Number(start), end: Number(end), text: cols[2] });
    } else if (cols[0].startsWith('E') && cols.length >= 2) {
      const parts = new Map(cols[1].split(' ').map((p) => p.split(':') as [string, string]));
      const content = spans.get(parts.get('Content') ?? '');
      if (content) out.push({ content, source: spans.get(parts.get('Source') ?? '') });
    }
  }
  return out;
}

const tag = (xml: string, name: string): string => xml.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1] ?? '';

function readCoreNlp(xml: string): Parsed {
  const sentences: Token[][] = [];
  const sentenceBlocks = xml.split('<sentence id=').slice(1);
  for (const block of sentenceBlocks) {
    const tokens: Token[] = [];
    for (const t of block.split('<token id=').slice(1)) {
      tokens.push({ word: tag(t, 'word'), begin: Number(tag(t, 'CharacterOffsetBegin')), end: Number(tag(t, 'CharacterOffsetEnd')), pos: tag(t, 'POS'), ner: tag(t, 'NER') });
    }
    sentences.push(tokens);
  }
  const chains: [number, number, number][][] = [];
  const coref = xml.split('<coreference>').slice(2);
  for (const chain of coref) {
    const mentions: [number, number, number][] = [];
    for (const m of chain.split('<mention').slice(1)) mentions.push([Number(tag(m, 'sentence')), Number(tag(m, 'start')), Number(tag(m, 'end'))]);
    chains.push(mentions);
  }
  return { sentences, chains };
}

/**
 * The surname of the first run of PERSON tokens in a token range that heads it: a run followed by
 * a possessive or a common noun modifies another head ("Clinton campaign spokesman Brian Fallon"),
 * and names after a comma or "who" describe the source ("Victor Cha, who served under Bush").
 */
function surnameIn(tokens: Token[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].word === ',' || tokens[i].pos.startsWith('W')) return undefined;
    if (tokens[i].ner !== 'PERSON' || !tokens[i].pos.startsWith('NNP') || tokens[i + 1]?.ner === 'PERSON') continue;
    const next = tokens[i + 1];
    if (next && (next.pos === 'POS' || next.pos.startsWith('NN'))) continue;
    return tokens[i].word;
  }
  return undefined;
}

/** Who a source span names: its own person, or through its coreference chain the person the chain names most. */
function speakerOf(source: Span, doc: Parsed): { name: string; how: 'named' | 'coreference' } | undefined {
  const located: [number, number][] = [];
  doc.sentences.forEach((tokens, s) => {
    tokens.forEach((t, i) => {
      if (t.begin < source.end && t.end > source.start) located.push([s + 1, i + 1]);
    });
  });
  const own = surnameIn(located.map(([s, i]) => doc.sentences[s - 1][i - 1]));
  if (own) return { name: own, how: 'named' };
  const chain = doc.chains.find((c) => c.some(([s, a, b]) => located.some(([ls, li]) => ls === s && li >= a && li < b)));
  if (!chain) return undefined;
  const votes = new Map<string, number>();
  for (const [s, a, b] of chain) {
    // A long mention is a clause CoreNLP took for the entity, not a name of it.
    if (b - a > 5) continue;
    const name = surnameIn(doc.sentences[s - 1]?.slice(a - 1, b - 1) ?? []);
    if (name) votes.set(name, (votes.get(name) ?? 0) + 1);
  }
  const best = [...votes].sort((x, y) => y[1] - x[1])[0];
  return best ? { name: best[0], how: 'coreference' } : undefined;
}

/** The longest quotation inside a content span, in either kind of quote marks. */
function quotationIn(text: string): string | undefined {
  const found = [...text.matchAll(/[“"]([^”"]+)[”"]/g)].map((m) => m[1].trim());
  return found.sort((a, b) => b.length - a.length)[0];
}

/** A run of five to seven plain words from the middle of the quotation: what a reader remembers of it. */
function askWords(quote: string): string | undefined {
  const runs = quote.split(/[^\p{L}\p{N}'’ ]+/u).map((r) => r.trim().split(/\s+/).filter(Boolean));
  const run = runs.filter((r) => r.length >= 5).sort((a, b) => b.length - a.length)[0];
  if (!run) return undefined;
  const size = Math.min(7, run.length);
  const from = Math.floor((run.length - size) / 2);
  return run.slice(from, from + size).join(' ');
}

function main(): void {
  const [dir, split, out] = process.argv.slice(2);
  if (!dir || !split || !out) throw new Error('usage: polnear.ts POLNEAR_DIR SPLIT OUT_DIR');
  const data = join(dir, 'data', split);
  const dates = new Map(
    readFileSync(join(dir, 'data', 'metadata.tsv'), 'utf8')
      .split('\n')
      .map((l) => l.split('\t'))
      .map((c) => [c[1], c[5]] as [string, string]),
  );
  mkdirSync(join(out, 'corpus'), { recursive: true });
  const annFiles = readdirSync(join(data, 'attributions')).sort();
  const questions: string[] = [];
  const counts = { quotes: 0, noSource: 0, unresolved: 0, named: 0, coreference: 0, noWords: 0 };
  const seen = new Set<string>();
  const names = readdirSync(join(data, 'text')).sort();
  const flat = (t: string): string => t.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').toLowerCase();
  const texts = names.map((n) => flat(readFileSync(join(data, 'text', n), 'utf8')));
  // Words that more than one article holds ask about several quotations: such a question has no one right answer.
  const unique = (words: string): boolean => texts.filter((t) => t.includes(flat(words))).length === 1;
  for (const name of names) {
    const base = name.replace(/\.txt$/, '');
    const ann = annFiles.find((f) => f.startsWith(`${base}_`));
    if (!ann) continue;
    const text = readFileSync(join(data, 'text', name), 'utf8');
    let doc: Parsed;
    try {
      doc = readCoreNlp(readFileSync(join(data, 'corenlp', `${name}.xml`), 'utf8'));
    } catch {
      continue;
    }
    writeFileSync(join(out, 'corpus', name), ` date ${dates.get(base) ?? ''}\n${text}`);
    for (const relation of readRelations(readFileSync(join(data, 'attributions', ann), 'utf8'))) {
      const quote = quotationIn(relation.content.text);
      if (!quote || quote.split(/\s+/).length < 5) continue;
      counts.quotes++;
      if (!relation.source) {
        counts.noSource++;
        continue;
      }
      const speaker = speakerOf(relation.source, doc);
      if (!speaker) {
        counts.unresolved++;
        continue;
      }
      const words = askWords(quote);
      if (!words || seen.has(`${name} ${words}`) || !unique(words)) {
        counts.noWords++;
        continue;
      }
      seen.add(`${name} ${words}`);
      counts[speaker.how]++;
      const id = `polnear-${split}-${questions.length + 1}-${speaker.how}`;
      questions.push(
        JSON.stringify({ id, ask: `/quote ${words}`, expect: { quote_contains: words, speaker_any: [speaker.name], sources_any: [name] }, note: relation.source.text }),
      );
    }
  }
  writeFileSync(join(out, 'quotes.jsonl'), `${questions.join('\n')}\n`);
  console.error(`${split}: ${questions.length} questions (${JSON.stringify(counts)})`);
}

main();
