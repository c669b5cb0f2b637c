import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { analyseWho } from '../../../src/engine/who/who-question.ts';
import { seedIndex, tempCorpus } from '../../helpers.ts';
import { verbPositions } from '../../../src/engine/who/who-syntax.ts';
import { termKey } from '../../../src/nlp/terms.ts';
import { tokenAt } from '../../../src/nlp/tokens.ts';

// Articles written for these tests: invented people and places, real news phrasing.
const CORPUS = {
  'a_flood.txt': {
    date: '2023-03-02',
    title: 'Floods hit the northern province of Varnia',
    paragraphs: [
      'Heavy rain flooded dozens of villages in the northern province of Varnia on Wednesday, officials said.',
      'Interior Minister Karel Dostan said he had ordered the evacuation of riverside villages across Varnia.',
      'Relief trucks were sent from Lumsk, where the river burst its banks.',
      'A spokesperson for the Red Lantern Society, Hana Petrak, said teams were working through the night.',
      'The lone survivor of the bridge collapse was a fisherman.',
    ],
  },
  'b_trial.txt': {
    date: '2023-04-11',
    title: 'Trial opens over the attack on the Tarsk mayor',
    paragraphs: [
      'The trial opened in Tarsk on Tuesday over the attack on Oren Vasko, mayor of Tarsk, at a concert in January.',
      'The accused man, whose name is withheld under privacy law, is identified only as Piotr K.',
      'Prosecutor Lina Morrow told the court that the attack had been planned for weeks.',
      'The case was brought by the Tarsk Citizens Union, a local civic group.',
      'The hearing, chaired by Judge Ewa Salo, was attended by senior officials, including Deputy Mayor Jan Orlik.',
    ],
  },
  'c_talks.txt': {
    date: '2023-05-20',
    title: 'Prime minister meets trade delegation',
    paragraphs: [
      'Prime Minister Alda Renn met a trade delegation in the capital on Friday.',
      'The PM said the talks had been constructive.',
      'Foreign Office spokesperson Tomas Ilves told reporters that a second round would follow.',
      'Ilves said the delegation would return in June.',
    ],
  },
};

// Capitalised words that recur together are one name, even when the first is a common word.
const TEAMS = {
  'a_final.txt': {
    title: 'Broad Valley Hornets reach the final',
    paragraphs: [
      'The Broad Valley Hornets won the northern title on Sunday.',
      'Fans of the Broad Valley Hornets celebrated in the streets.',
      'The Hornets beat the New Harbour Gulls 20–18 in the semi-final.',
      'The New Harbour Gulls had won the title the year before.',
      'Coach Tam Reyes said the New Harbour Gulls were the best side they had faced.',
      'The new stadium was opened by Queen Ilsa II in October.',
      'A new coach and a new season begin in spring.',
      'In the cup, the Northern Cup League (NCL) champion Broad Valley Hornets defeated the Southern Cup League (SCL) champion Port Elm Rovers.',
    ],
  },
  'b_music.txt': {
    title: 'Anthem and trophy for the final',
    paragraphs: [
      'Before the final, singer Mara Quell performed the national anthem.',
      "The winners' trophy will be designed by Halden & Co. this year.",
      'All the music for the ceremony has been composed by Ilse Brandt and Tomas Reval.',
      'The radio commentators were Oskar Lind and Pia Moro, with Rafe Duncan as reporter.',
    ],
  },
};

let index: SearchIndex;
let teams: SearchIndex;
let seeds: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(CORPUS), onWarn: () => {} });
  seeds = await seedIndex();
  teams = await openIndex({ corpusDir: tempCorpus(TEAMS), onWarn: () => {} });
});

const top = (idx: SearchIndex, q: string): string | undefined => answer(idx, 'who', q)[0]?.answer;

describe('reading the question', () => {
  it('finds the role, its qualifiers and the names among them', () => {
    const q = analyseWho("is Russia's emergencies minister");
    expect(q.role).toEqual(['minist']);
    expect(q.names).toEqual(['russia']);
    expect(analyseWho('is the prime minister of Japan').role).toEqual(['prime', 'minist']);
  });

  it('tells who-did from who-was-done-to', () => {
    expect(analyseWho('ordered the evacuation').verb?.lemma).toBe('order');
    const obj = analyseWho('did the Broncos beat in the final');
    expect(obj.object).toBe(true);
    expect(obj.verb?.lemma).toBe('beat');
    expect(analyseWho('was replaced by the new coach').passive).toBe(true);
    expect(analyseWho('brought the lawsuit').objectKeys).toEqual(['lawsuit']);
  });

  it("knows the verb's family, its converse and the verb behind an agent noun", () => {
    expect(analyseWho('beat the Gulls').verb?.alts).toContain('defeat');
    const lost = analyseWho('lost to the Hornets');
    expect([lost.verb?.lemma, lost.object]).toEqual(['beat', true]);
    expect(analyseWho('is the designer of the trophy').verb?.lemma).toBe('design');
    expect(analyseWho('is the spokesperson').verb).toBeUndefined();
    expect(analyseWho('were the commentators').plural).toBe(true);
    expect(analyseWho('has composed the music').verb?.lemma).toBe('compose');
    const did = analyseWho('did the Broncos defeat in the final');
    expect([did.verb?.lemma, did.object]).toEqual(['defeat', true]);
  });
});

describe('/who over a written corpus', () => {
  it('answers the subject of the question verb, through a pronoun', () => {
    // "Interior Minister Karel Dostan said he had ordered …": "he" is Dostan.
    expect(top(index, 'ordered the evacuation of the riverside villages')).toBe('Karel Dostan');
  });

  it('answers the person holding the asked role, from an apposition', () => {
    expect(top(index, 'is the spokesperson for the Red Lantern Society')).toBe('Hana Petrak');
    expect(top(index, 'is the mayor of Tarsk')).toBe('Oren Vasko');
  });

  it('prefers the role asked about over other names nearby', () => {
    // The mayor is named in the same article; the accused is the one asked about.
    expect(top(index, 'is the accused man in the attack on the Tarsk mayor')).toMatch(/^Piotr K\.?$/);
  });

  it('answers the agent of a passive clause', () => {
    expect(top(index, 'brought the case')).toBe('Tarsk Citizens Union');
  });

  it('answers the named member of a group agent', () => {
    expect(top(index, 'attended the hearing')).toBe('Jan Orlik');
  });

  it('answers a common-noun phrase the text equates with the asked role', () => {
    expect(top(index, 'survived the bridge collapse')).toBe('fisherman');
  });

  it('folds a later mention to the full name and "the PM" to the prime minister', () => {
    expect(top(index, 'said the delegation would return in June')).toBe('Tomas Ilves');
    expect(top(index, 'said the talks had been constructive')).toBe('Alda Renn');
  });

  it('does not answer with a place', () => {
    const answers = answer(index, 'who', 'sent relief trucks').map((a) => a.answer);
    expect(answers).not.toContain('Lumsk');
  });

  it('abstains when the role is qualified by something the evidence lacks', () => {
    expect(answer(index, 'who', 'is the prime minister of Norland')).toEqual([]);
    expect(top(index, 'is the prime minister')).toBe('Alda Renn');
  });
});

describe('/who over the seed articles', () => {
  it('answers with the full name the article gives', () => {
    expect(top(seeds, "is Pakistan's ambassador to the United States")).toBe('Masood Khan');
    expect(top(seeds, 'is the State Department spokesperson')).toBe('Matthew Miller');
  });

  it('expands an acronym the corpus defines', () => {
    expect(top(seeds, 'is the TTP')).toMatch(/^Tehreek-[ei]-Taliban/);
  });
});

describe('/who answer boundaries', () => {
  it('keeps a common first word of a name the corpus keeps writing together', () => {
    expect(top(teams, 'did the Hornets beat in the semi-final')).toBe('New Harbour Gulls');
  });

  it("keeps a monarch's title in the answer", () => {
    expect(top(teams, 'opened the new stadium')).toBe('Queen Ilsa II');
  });
});

describe('/who verbs of the same family', () => {
  it("finds the question's verb under another word of its family", () => {
    expect(top(teams, 'defeated the New Harbour Gulls')).toMatch(/Hornets/);
    expect(top(teams, 'sang the national anthem before the final')).toBe('Mara Quell');
  });

  it('finds an irregular form of the verb', () => {
    expect(top(teams, 'won the northern title')).toBe('Broad Valley Hornets');
  });

  it('reads past a name qualifying the object, with its abbreviation', () => {
    expect(top(teams, 'did the Hornets defeat in the cup')).toBe('Port Elm Rovers');
  });

  it('reads "lost to X" as whom X beat', () => {
    expect(top(teams, 'lost to the Hornets in the semi-final')).toBe('New Harbour Gulls');
  });

  it('reads an agent noun as its verb', () => {
    expect(top(teams, "is the designer of the winners' trophy")).toBe('Halden & Co.');
  });
});

describe('/who coordinated names', () => {
  it('answers both names that together do the verb', () => {
    expect(top(teams, 'composed the music for the ceremony')).toBe('Ilse Brandt and Tomas Reval');
    expect(top(teams, 'has composed the music for the ceremony')).toBe('Ilse Brandt and Tomas Reval');
  });

  it('answers both names when the question asks for several', () => {
    expect(top(teams, 'were the radio commentators')).toBe('Oskar Lind and Pia Moro');
  });
});

describe('finding the question verb in a sentence', () => {
  it('finds a y-verb in its -ied form and a plain form, not in other words', async () => {
    const ix = await openIndex({
      corpusDir: tempCorpus({
        'a.txt': { title: 'River rescue', paragraphs: ['Rescue teams carried the injured across the river.', 'The teams carry radios and a spare carriage.'] },
      }),
      cacheDir: false,
      onWarn: () => {},
    });
    const verb = { lemma: 'carry', key: termKey('carry')! };
    const found = (id: number) => verbPositions(ix, id, verb).map((i) => tokenAt(ix.sentences[id], i));
    expect(found(0)).toEqual(['carried']);
    expect(found(1)).toEqual(['carry']);
  });
});
