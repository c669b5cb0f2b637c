import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { planQuery } from '../../../src/engine/query.ts';
import { retrieve } from '../../../src/engine/retrieve/retrieve.ts';
import { whenCandidates } from '../../../src/engine/when/when.ts';
import { checkCandidates, ruledOut } from '../../../src/engine/verify/index.ts';
import { tempCorpus } from '../../helpers.ts';

// Articles written for these tests: invented councils and pacts.
const CORPUS = {
  'a_pact.txt': {
    date: '2025-03-03',
    title: 'The harbour pact',
    paragraphs: [
      'The Lumsk council signed the harbour pact in 1990.',
      'The ferry levy was adopted in 1994 after a long debate.',
      'The Varnia council refused to sign the river pact in 2001.',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(CORPUS), cacheDir: false, onWarn: () => {} });
});

function checksOf(q: string, date: string) {
  const plan = planQuery(index, q);
  const hits = retrieve(index, plan, { minCoverage: 0.3 });
  const c = checkCandidates(index, 'when', plan, whenCandidates(index, plan, hits)).find((x) => x.date === date);
  if (!c) throw new Error(`${date} is no candidate of "${q}"`);
  return c;
}

describe('verification: a refusal asked, none stated', () => {
  it('rules out a sentence that states the act itself', () => {
    expect(ruledOut(checksOf('did the Lumsk council refuse to sign the harbour pact', '1990'))).toBe('refuse asked, no refusal stated');
    expect(ruledOut(checksOf('was the ferry levy rejected', '1994'))).toBe('rejected asked, no refusal stated');
    expect(answer(index, 'when', 'was the ferry levy rejected').map((a) => a.date)).not.toContain('1994');
  });

  it('lets a sentence through that states the refusal, or the act without one asked', () => {
    expect(ruledOut(checksOf('did the Varnia council refuse to sign the river pact', '2001'))).toBeUndefined();
    expect(ruledOut(checksOf('did the Lumsk council sign the harbour pact', '1990'))).toBeUndefined();
    expect(answer(index, 'when', 'was the ferry levy adopted')[0]?.date).toBe('1994');
  });
});
