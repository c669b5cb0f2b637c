import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { quoteIn, tempCorpus } from '../../helpers.ts';

// Invented articles: a body, a place or a state named next to the person who speaks — an affiliation before a
// role and a name, a place inside a relative clause or after a town, an apposition after the name.
const ARTICLES = {
  'debate.txt': {
    date: '2026-05-01',
    title: 'Candidates clash over the harbour budget',
    paragraphs: [
      'Senator Ilse Marwick was asked by Harbour Radio moderator Teodor Vance whether the plan would "add another costly programme to an already stretched budget."',
      'In other words, explained Coastline News moderator Priya Halloran: "Who pays for the new sea wall?"',
      '"This is just a rehearsed show and we are all props," said Ostmark delegate Jonas Fredholm, angered by the vote.',
      '"You do not want to be racing through ten towns in the last week," said Edda Lindqvist, an Ostmark Republican strategist.',
      '"The council has waited long enough for the ferry," said former Ostmark governor Halvard Brekke.',
    ],
  },
  'voters.txt': {
    date: '2026-05-02',
    title: 'Voters in the north are restless',
    paragraphs: [
      'Soren Akerlund, who lives in a village outside the regional capital, Brekkeby, said he still "hopes that the ferry returns by the summer."',
      '"This new advert raises questions about the budget," Maja Torvik, who is chairwoman of Harbour Futures Fund said in a statement.',
      '"Both of the candidates scare me," Emil Dahl, 30, of Nordvik, Ostmark, who was among those polled, said in an interview.',
      'Greta Holm, 35, the daughter of former harbour master Nils Holm and councillor Vera Holm, said on Monday, “The ferry is part of our family history.”',
      'Liv Sandberg, executive director of the Coastal Majority PAC, a harbour super PAC, said she thinks the council "will be dragged down by the ferry fares."',
      '“A very good captain, a very good captain this one,” Arvid Strand, the leading candidate of the coastal party and the favourite in the northern towns by a wide margin after winning the spring primaries, said on Monday.',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(ARTICLES), onWarn: () => {} });
});

const speakerOf = (file: string, text: string) => quoteIn(index, file, text).speaker;

describe('an organisation or a place before a role and a name', () => {
  it('"was asked by Harbour Radio moderator Teodor Vance": the agent the affiliation describes', () => {
    expect(speakerOf('debate.txt', 'costly programme')).toBe('Teodor Vance');
  });

  it('"explained Coastline News moderator Priya Halloran:": the person, not the outlet', () => {
    expect(speakerOf('debate.txt', 'Who pays')).toBe('Priya Halloran');
  });

  it('"said Ostmark delegate Jonas Fredholm": the place in the person\'s title describes the person', () => {
    expect(speakerOf('debate.txt', 'rehearsed show')).toBe('Jonas Fredholm');
  });

  it('"said Edda Lindqvist, an Ostmark Republican strategist": the name right after the verb, not the apposition\'s', () => {
    expect(speakerOf('debate.txt', 'racing through ten towns')).toBe('Edda Lindqvist');
  });

  it('"said former Ostmark governor Halvard Brekke": the governor, not the state', () => {
    expect(speakerOf('debate.txt', 'waited long enough')).toBe('Halvard Brekke');
  });
});

describe('names inside a relative clause or a place after the speaker', () => {
  it('"X, who lives outside the regional capital, Brekkeby, said": the name before "who"', () => {
    expect(speakerOf('voters.txt', 'ferry returns')).toBe('Soren Akerlund');
  });

  it('"X, who is chairwoman of Harbour Futures Fund said": the clause left open still belongs to X', () => {
    expect(speakerOf('voters.txt', 'new advert')).toBe('Maja Torvik');
  });

  it('"X, 30, of Nordvik, Ostmark, who was among those polled, said": the region continues the town', () => {
    expect(speakerOf('voters.txt', 'scare me')).toBe('Emil Dahl');
  });

  it('"Greta Holm, 35, the daughter of …, said": an age between commas after the name', () => {
    expect(speakerOf('voters.txt', 'family history')).toBe('Greta Holm');
  });

  it('"…,” Arvid Strand, <an apposition of some twenty words>, said": the speech verb far after the quotation', () => {
    expect(speakerOf('voters.txt', 'very good captain')).toBe('Arvid Strand');
  });

  it('"X, executive director of the Coastal Majority PAC, a … super PAC, said": a name ending on an acronym is the body, not the person', () => {
    expect(speakerOf('voters.txt', 'dragged down by the ferry')).toBe('Liv Sandberg');
  });
});
