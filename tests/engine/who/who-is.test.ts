import { beforeAll, describe, expect, it } from 'vitest';
import { answer, noAnswerNote, type SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { namedSubjects } from '../../../src/engine/who/who-is.ts';
import { seedIndex, tempCorpus } from '../../helpers.ts';

// Articles written for these tests: invented people, organisations and places.
const CORPUS = {
  'a_port.txt': {
    date: '2025-02-10',
    title: 'Port of Lumsk to extend its ferry quay',
    paragraphs: [
      'Harbour Board chair Ana Ferreira said the quay would be extended by forty metres.',
      'Tomas Vell, the mayor of Lumsk, welcomed the plan at a meeting on Monday.',
      'The head of the dockworkers union, Rui Salgado, asked for a guarantee on jobs.',
      'Pedro Alves attended the meeting.',
    ],
  },
  'b_ferry.txt': {
    date: '2025-02-12',
    title: 'Ferry crew praised after rescue',
    paragraphs: [
      'Joao Ferreira, a fisherman from Varna, pulled two passengers from the water.',
      'Mira Kallas is a retired ferry captain who trained the crew.',
      'Pedro Alves and Mira Kallas spoke to reporters after the rescue.',
      'The Lumsk Rowing Club, a volunteer rescue group, sent two boats.',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(CORPUS), onWarn: () => {} });
});

const first = (query: string) => answer(index, 'who', query)[0];

describe('/who is NAME: who the corpus says that is', () => {
  it('reads a title before the name, with the full name first', () => {
    expect(first('is Ana Ferreira')).toMatchObject({ answer: 'Ana Ferreira, Harbour Board chair', source: { file: 'a_port.txt' } });
  });

  it('reads an apposition after the name, and one before it', () => {
    expect(first('is Tomas Vell')?.answer).toBe('Tomas Vell, the mayor of Lumsk');
    expect(first('was Rui Salgado')?.answer).toBe('Rui Salgado, the head of the dockworkers union');
  });

  it('reads a copula, and describes an organisation asked with "the"', () => {
    expect(first('is Mira Kallas')?.answer).toBe('Mira Kallas, a retired ferry captain');
    expect(first('is the Lumsk Rowing Club')?.answer).toBe('Lumsk Rowing Club, a volunteer rescue group');
  });

  it('cites the sentence: the evidence is part of it and holds the name and the description', () => {
    const a = first('is Tomas Vell')!;
    expect(a.source.sentence).toContain(a.evidence);
    expect(a.evidence).toBe('Tomas Vell, the mayor of Lumsk');
  });

  it('never answers with another entity of the same surname, or of the question', () => {
    const answers = answer(index, 'who', 'is Ana Ferreira');
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) expect(a.answer.startsWith('Ana Ferreira, ')).toBe(true);
    expect(first('is Joao Ferreira')?.answer).toBe('Joao Ferreira, a fisherman from Varna');
  });

  it('says plainly when the corpus names someone but never describes them', () => {
    expect(answer(index, 'who', 'is Pedro Alves')).toEqual([]);
    expect(noAnswerNote(index, 'who', 'is Pedro Alves')).toBe('Pedro Alves: mentioned in 2 articles, not described.');
    expect(noAnswerNote(index, 'who', 'was Ines Duarte')).toBe('Ines Duarte: not mentioned in the indexed articles.');
  });

  it('a swapped or unknown name gets no answer rather than a near one', () => {
    expect(answer(index, 'who', 'is Vell Tomas')).toEqual([]);
    expect(answer(index, 'who', 'is Ana Salgado')).toEqual([]);
  });

  it('answers each of several names joined by "and"', () => {
    const answers = answer(index, 'who', 'are Tomas Vell and Mira Kallas').map((a) => a.answer);
    expect(answers).toEqual(expect.arrayContaining(['Tomas Vell, the mayor of Lumsk', 'Mira Kallas, a retired ferry captain']));
  });

  it('leaves role questions and acronyms to the other answerers', () => {
    expect(namedSubjects(index, 'is the Harbour Board chair')).toBeUndefined();
    expect(namedSubjects(index, 'is the President of the Harbour Board')).toBeUndefined();
    expect(namedSubjects(index, 'is the Most Valuable Player of the Cup')).toBeUndefined();
    expect(namedSubjects(index, 'chaired the meeting')).toBeUndefined();
    expect(namedSubjects(index, 'is Ana Ferreira')).toEqual(['Ana Ferreira']);
  });
});

describe('/who is NAME on the seed articles', () => {
  let seeds: SearchIndex;
  beforeAll(async () => {
    seeds = await seedIndex();
  });

  it.each([
    ['is Masood Khan', "Masood Khan, Pakistan's Ambassador to the United States"],
    ['is Matthew Miller', 'Matthew Miller, State Department'],
    ['is Shehbaz Sharif', 'Shehbaz Sharif, Prime Minister'],
    ['is Asim Munir', 'Asim Munir, Army Chief General'],
    ['is Syed Haider Shah', 'Syed Haider Shah, Additional Secretary (UN&RD)'],
    ['was Christopher Landberg', 'Christopher Landberg, Acting Coordinator for Counterterrorism'],
  ])('/who %s → %s', (query, expected) => {
    expect(answer(seeds, 'who', query)[0]?.answer.startsWith(expected)).toBe(true);
  });

  it('Imran Khan is named once and not described; Ambassador Khan is someone else', () => {
    expect(answer(seeds, 'who', 'is Imran Khan')).toEqual([]);
    expect(noAnswerNote(seeds, 'who', 'is Imran Khan')).toBe('Imran Khan: mentioned in 1 article, not described.');
  });
});
