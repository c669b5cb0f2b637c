import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { quoteIn, tempCorpus } from '../../helpers.ts';

// Invented articles: speakers found through the clause around the quotation rather than at a speech verb next to it.
const ARTICLES = {
  'harbour.txt': {
    date: '2026-04-02',
    title: 'Harbour levy vote delayed again',
    paragraphs: [
      'Harbour master Tilda Lynch and councillor Dana Marsh met the ferry crews on Monday.',
      'Lynch said the crews had worked through the storm without a break for a week.',
      'Lynch said she recalled thinking, "This is the worst winter the harbour has seen in my time."',
      'Councillor Dana Marsh said on Friday that she thinks the levy should be scrapped but said "the real question is the timing."',
      'Marsh said the vote had been rushed by the mayor and said, "Who will pay for the bridge now?"',
      'Marsh praised the crews who stayed but said, "We are in a different season now, and the levy has to go."',
      '"What harbour is the mayor talking about, and who? Is anyone at the council even listening?" reacted Marsh.',
      'The fisherman Olaf Small spoke for the small boats, the small crews and the small harbours of the bay.',
      'Small, who has fished the bay for thirty years, said that "the levy will sink the little boats first."',
      'Marsh has since apologised for what happened: "I should have read the amendment before the vote."',
      'FERRY FARES TO RISE IN MAY - Carl Benting: "Every crossing will cost a euro more from the first of May."',
      'Former director of ports Agnes Brandt: "We warned the council about the crane three years ago."',
      'Marsh herself said on Tuesday that "the council will have to find the money somewhere else."',
      '"This will be a hard winter" for the ferry crews, said Lynch.',
      'Olaf Small and young deckhand Tomas Ekberg said that "the nets came back empty every day in March."',
      'FERRY CREWS STAY - Carl Benting and Agnes Brandt: "The crews will stay on the island route all winter."',
      'After harbour master Tilda Lynch criticized the mayor during the debate, Marsh shot back, "I chose to read the budget."',
    ],
  },
  'appeal.txt': {
    date: '2026-04-03',
    title: 'Mayor expects the harbour appeal',
    paragraphs: [
      'Mayor Ingrid Holt met councillor Tomas Dahl after the vote.',
      'Dahl said his group would appeal.',
      'Holt told reporters her office had expected the appeal.',
      'Dahl spoke to the crews at the harbour on Monday.',
      '"We will win this in court," she said.',
      'Talk host Larry King chaired the debate on the harbour levy.',
      '"It is all about creating some enthusiasm around this levy," Mr. King added.',
      'Councillor Nora Lind spoke to the crews on Tuesday.',
      'Captain Olaf Berg said his crews were ready to sail.',
      '"The crews will not sail without a contract," she said.',
    ],
  },
  'vetting.txt': {
    date: '2026-04-05',
    title: 'Harbour candidate on the vetting',
    paragraphs: [
      'On Sunday, candidate Ruben Asker spoke on the morning shows.',
      '“I have always said that I expect to be vetted,” he said on “Face the Harbour.” “But nobody else has been vetted like this — you said this years ago — not in thirty years. If you can show me another, I will take that back.”',
      'Asker hit back at the council later, saying the audit was a political stunt.',
      '"We have to be a lot tougher with the council and its auditors."',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(ARTICLES), onWarn: () => {} });
});

const speakerOf = (text: string) => quoteIn(index, 'harbour.txt', text).speaker;

describe('the subject of the clause that holds the quotation', () => {
  it('a surname opening the sentence, tagged as a verb, is the subject of "said"', () => {
    expect(speakerOf('worst winter')).toBe('Tilda Lynch');
  });

  it('"X said … but said “…”": the speech verb before the conjunction gives the subject', () => {
    expect(speakerOf('real question is the timing')).toBe('Dana Marsh');
    expect(speakerOf('pay for the bridge')).toBe('Dana Marsh');
    expect(speakerOf('different season')).toBe('Dana Marsh');
  });

  it('"…?” reacted Marsh.": a verb outside the lexicon, then a name ending the clause', () => {
    expect(speakerOf('even listening')).toBe('Dana Marsh');
  });

  it('"Small, who …, said": a word mostly written in lower case, followed by "who", is a person', () => {
    expect(speakerOf('sink the little boats')).toMatch(/\bSmall$/);
  });

  it('"X has since apologised for what happened: “…”": the clause subject, not the subject of its last verb', () => {
    expect(speakerOf('read the amendment')).toBe('Dana Marsh');
  });
});

describe('the person a pronoun or an honorific stands for', () => {
  const appeal = (text: string) => quoteIn(index, 'appeal.txt', text).speaker;

  it('"she" passes over the man named last for the woman the article calls "her"', () => {
    expect(appeal('win this in court')).toBe('Ingrid Holt');
  });

  it('"Mr. King": after an honorific, a title word is a surname', () => {
    expect(appeal('creating some enthusiasm')).toBe('Larry King');
  });

  it('a person the article never calls "she" is not taken once a man was passed over', () => {
    // Berg is "his": passed over; the article gives Lind no pronoun, so "she" names no one rather than guess.
    expect(appeal('will not sail')).toBeUndefined();
  });
});

describe('a quotation with no speaker of its own', () => {
  const vetting = (text: string) => quoteIn(index, 'vetting.txt', text).speaker;

  it('continues the quotation before it, not a title quoted in between', () => {
    expect(vetting('nobody else has been vetted')).toBe('Ruben Asker');
  });

  it('filling its paragraph, takes the speaker of the paragraph before when that one reports speech without quoting', () => {
    expect(vetting('a lot tougher')).toBe('Ruben Asker');
  });
});

describe('a name, then a colon', () => {
  it('after a dash that ends a topic line', () => {
    expect(speakerOf('cost a euro more')).toBe('Carl Benting');
  });

  it('after a title holding "of"', () => {
    expect(speakerOf('warned the council about the crane')).toBe('Agnes Brandt');
  });
});

describe('a clause the sentence opens with', () => {
  it('"After X criticized …, Marsh shot back, “…”": the main clause\'s subject, not the verb of the clause before it', () => {
    expect(speakerOf('chose to read the budget')).toBe('Dana Marsh');
  });
});

describe('two speakers', () => {
  it('"Carl Benting and Agnes Brandt: “…”": neither is named as the one', () => {
    expect(speakerOf('stay on the island route')).toBeUndefined();
  });

  it('"Olaf Small and young deckhand Tomas Ekberg said": two speakers with words between them', () => {
    expect(speakerOf('nets came back empty')).toBeUndefined();
  });
});

describe('words that finish the quoted sentence', () => {
  it('"“…” for the ferry crews, said Lynch.": a few words without a verb, then the comma and the speaker', () => {
    expect(speakerOf('hard winter')).toBe('Tilda Lynch');
  });
});

describe('a reflexive after the subject', () => {
  it('"Marsh herself said that “…”": the subject before the reflexive', () => {
    expect(speakerOf('find the money somewhere')).toBe('Dana Marsh');
  });
});
