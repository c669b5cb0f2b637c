import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { planQuery } from '../../../src/engine/query.ts';
import { retrieve } from '../../../src/engine/retrieve/retrieve.ts';
import { whoCandidates } from '../../../src/engine/who/who.ts';
import { checkCandidates, ruledOut, verify } from '../../../src/engine/verify/index.ts';
import { THRESHOLD } from '../../../src/engine/verify/confidence.ts';
import { tempCorpus } from '../../helpers.ts';

// Articles written for these tests: invented people, places and events.
const CORPUS = {
  'a_ferry.txt': {
    date: '2025-03-03',
    title: 'New ferry terminal opens in Lumsk',
    paragraphs: [
      'Rosa Lind chaired the harbour committee last year.',
      'Harbour Board chair Ana Ferreira opened the new ferry terminal in Lumsk in 2021.',
      'Relief trucks were sent from Lumsk to the flooded villages of Varnia on Tuesday.',
      'The Broad Valley Hornets beat the New Harbour Gulls in the cup final.',
      'The harbour tunnel was not completed until 2019, engineers said.',
      'Mayor Oren Vasko welcomed Ana Ferreira to the opening ceremony.',
      'The water plan was approved by the provinces, Osterland and Norvia, after a long vote.',
    ],
  },
  'b_harbour.txt': {
    date: '2025-02-01',
    title: 'Harbour clubs',
    paragraphs: ['Mayor Mia Solberg founded the Lumsk Harbour Authority (LHA) in 1990.'],
  },
  'c_clubs.txt': {
    date: '2025-02-02',
    title: 'Sailing',
    paragraphs: ['Skipper Ivo Tarn founded a sailing club for the Harbour School and the Harbour Choir.', 'The Harbour Band plays there on Sundays.'],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(CORPUS), cacheDir: false, onWarn: () => {} });
});

const who = (q: string) => answer(index, 'who', q);

/** The /who candidates extraction finds for a question, each with its checks. */
function checked(q: string) {
  const plan = planQuery(index, q);
  const hits = retrieve(index, plan, { minCoverage: 0.5 }).filter((h) => h.coverage >= 0.5);
  const candidates = whoCandidates(index, plan, hits);
  return { plan, candidates, checked: checkCandidates(index, 'who', plan, candidates) };
}

describe('verification: constraints', () => {
  it('answers with a confidence in [0, 1] when every constraint is met', () => {
    const [first] = who('opened the new ferry terminal in Lumsk');
    expect(first.answer).toBe('Ana Ferreira');
    expect(first.score).toBeGreaterThan(THRESHOLD);
    expect(first.score).toBeLessThanOrEqual(1);
  });

  it('lowers the confidence by the weight of a constraint the evidence does not meet', () => {
    const met = who('opened the new ferry terminal')[0].score;
    const missing = who('opened the new ferry terminal with a silver key')[0]?.score ?? 0;
    expect(missing).toBeLessThan(met);
  });

  it('rules an answer out when the evidence gives another year', () => {
    expect(who('opened the new ferry terminal in Lumsk in 2021')[0]?.answer).toBe('Ana Ferreira');
    expect(who('opened the new ferry terminal in Lumsk in 2018')).toEqual([]);
  });

  it("rules an answer out when another name stands in the asked one's place", () => {
    expect(who('welcomed Ana Ferreira to the opening ceremony')[0]?.answer).toBe('Oren Vasko');
    const vasko = checked('welcomed Rosa Ferreira to the opening ceremony').checked.find((c) => c.answer === 'Oren Vasko');
    expect(vasko && ruledOut(vasko)).toBe('Rosa asked, Ana stated');
    expect(who('welcomed Rosa Ferreira to the opening ceremony')).toEqual([]);
  });

  it('rules an answer out when the question negates what the evidence affirms', () => {
    expect(who('did not open the new ferry terminal in Lumsk')).toEqual([]);
  });

  it('meets an acronym, in the sentence or around it, only by itself or two distinct words of its expansion', () => {
    const { checked: found } = checked('founded the LHA');
    expect(found.find((c) => c.answer === 'Mia Solberg')?.checks.constraints.unmet).toEqual([]);
    expect(found.find((c) => c.answer === 'Ivo Tarn')?.checks.constraints.unmet).toContain('LHA');
  });

  it('does not count an adverb of the question as a missing constraint', () => {
    const c = checked('finally opened the new ferry terminal').checked.find((x) => x.answer === 'Ana Ferreira');
    expect(c?.checks.constraints.unmet).not.toContain('finally');
    expect(c?.checks.constraints.missing.verb).toBe(0);
  });

  it('reads "not … until" as the date of the event, not a contradiction', () => {
    expect(answer(index, 'when', 'was the harbour tunnel completed')[0]?.answer).toBe('2019');
  });
});

describe('verification: answer type', () => {
  it('rejects a place as the answer to /who', () => {
    const { plan, candidates } = checked('approved the water plan');
    // Extraction proposes the provinces the sentence lists; verification does not let them through.
    expect(candidates.map((c) => c.answer)).toContain('Osterland');
    expect(verify(index, 'who', plan, candidates).map((c) => c.answer)).not.toContain('Osterland');
    expect(who('approved the water plan').map((a) => a.answer)).not.toContain('Osterland');
  });
});

describe('verification: role direction', () => {
  it('answers the agent for "who did X to Y" and the object for "who did Y do X to"', () => {
    expect(who('beat the New Harbour Gulls')[0]?.answer).toBe('Broad Valley Hornets');
    expect(who('did the Broad Valley Hornets beat')[0]?.answer).toBe('New Harbour Gulls');
  });

  it('rules out the name on the other side of the verb', () => {
    const gulls = checked('beat the New Harbour Gulls in the cup final').checked.find((c) => c.answer === 'New Harbour Gulls');
    if (gulls) expect(ruledOut(gulls)).toBe('the other side of the verb');
    const hornets = checked('did the New Harbour Gulls beat').checked.find((c) => c.answer === 'Broad Valley Hornets');
    expect(hornets && ruledOut(hornets)).toBe('the other side of the verb');
  });
});
