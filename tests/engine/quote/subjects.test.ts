import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { quoteIn, tempCorpus } from '../../helpers.ts';

// Invented articles: the subject of a speech verb where a name span is not the person it looks like.
const ARTICLES = {
  'fjord.txt': {
    date: '2026-04-01',
    title: 'Fjord study finds warmer water',
    paragraphs: [
      'Lead author Mira Sandoval of Norway\'s Bergen University explained to the press, "The fjord is warming faster than the open sea."',
      'FBI Director Harald P. Lindqvist, III, said: "The smuggling network behind the fjord cargo is gone."',
      'The Medicare Administrator, Oskar Brandt, M.D., added, "The payments to the coastal clinics must be accurate."',
      'Chief Inspector Ola Berg, Jr. of the Western District stated that "the fishing laws apply to everyone on the coast".',
      'Hilde Brun, curator of exhibits at the University of Bergen, Nordnes, said, "These prints document the daily life of the fishermen."',
      'Professor Ada Lind of Tromso Law School asked whether Bergen was part of the region and then declared "that is the whole legal analysis of the case."',
      'Minister Jonas Ek called on Sweden and Finland to join the project, adding "We call on any other country that wishes to join us to do so."',
      'Local officials said the farms were safe, and officials in the capital agreed.',
      'Anna Lind of "Have No Fear", a group that helps refugees, told Radio North "we need more boats before the winter storms arrive."',
      'Officials tell Radio North every claim will be reviewed, with the Courier reporting no farm will be refused "based only on the paperwork filed last spring".',
    ],
  },
  'court.txt': {
    date: '2026-04-02',
    title: 'Harbour fraud trial ends',
    paragraphs: [
      'Prosecutor Arne Moe told the court that the two men had shown "no respect at all for the minimum standards of decent behaviour".',
      'One of the victims decided to allow her name to be made public. She said she did this to show others "there is nothing to be ashamed of in speaking out".',
      'The judge sentenced Per Aas to ten years in prison. "This was a cruel scheme that preyed on the old," he said.',
      'Mayor Eva Lie spoke first at the hearing. A resident then asked about the night buses. "The night buses are always late and nobody answers the phone," she said.',
      'Former Lord Mayor Rolf Dahl backed the harbour plan last year.',
      'Nils Tang, who runs a bakery, is standing for the council. He founded a group responsible for "neighbourhood bond building and street parties in every district", the Lord Mayor candidate told reporters.',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(ARTICLES), onWarn: () => {} });
});

const quoteOf = (file: string, text: string) => quoteIn(index, file, text);

describe('a name span that stands for another name', () => {
  it('"X of Norway\'s Bergen University explained" → the person, not the university', () => {
    expect(quoteOf('fjord.txt', 'warming faster').speaker).toBe('Mira Sandoval');
  });

  it('"Lindqvist, III, said", "Brandt, M.D., added", "Berg, Jr. of …" → the name the suffix follows', () => {
    expect(quoteOf('fjord.txt', 'smuggling network').speaker).toBe('Harald P. Lindqvist');
    expect(quoteOf('fjord.txt', 'coastal clinics').speaker).toBe('Oskar Brandt');
    expect(quoteOf('fjord.txt', 'fishing laws').speaker).toBe('Ola Berg');
  });

  it('"…, curator at the University of Bergen, Nordnes, said" → the person before the description, not the place', () => {
    expect(quoteOf('fjord.txt', 'daily life of the fishermen').speaker).toBe('Hilde Brun');
  });

  it('"Officials tell …" at a sentence start, a word the articles write in lower case, names no one', () => {
    const q = quoteOf('fjord.txt', 'based only on the paperwork');
    expect(q.speaker).toBeUndefined();
  });
});

describe('a name in quotation marks between the subject and its verb', () => {
  it('"Anna Lind of “Have No Fear”, a group …, told Radio North “…”" → the person before the quoted name', () => {
    expect(quoteOf('fjord.txt', 'winter storms arrive').speaker).toBe('Anna Lind');
  });
});

describe('the verb a conjunction or participle shares its subject with', () => {
  it('"X asked whether Bergen was … and then declared" → X, not the subject of the question', () => {
    expect(quoteOf('fjord.txt', 'whole legal analysis').speaker).toBe('Ada Lind');
  });

  it('"X called on Sweden and Finland to join …, adding" → X, not the object of the infinitive', () => {
    expect(quoteOf('fjord.txt', 'any other country').speaker).toBe('Jonas Ek');
  });
});

describe('pronouns and roles that no named person fits', () => {
  it('"One of the victims decided …. She said" → speaker not named, never the prosecutor named before', () => {
    const q = quoteOf('court.txt', 'nothing to be ashamed of');
    expect(q.speaker).toBeUndefined();
    expect(q.confidence).toBe(0);
    expect(quoteOf('court.txt', 'minimum standards').speaker).toMatch(/Arne Moe$/);
  });

  it('"The judge sentenced Per Aas …. he said" with no judge named → speaker not named, never the defendant', () => {
    expect(quoteOf('court.txt', 'cruel scheme').speaker).toBeUndefined();
  });

  it('"A resident then asked …. she said" → not the mayor named before', () => {
    expect(quoteOf('court.txt', 'night buses are always late').speaker).toBeUndefined();
  });

  it('"the Lord Mayor candidate told reporters" → not the former lord mayor: the head noun is the role', () => {
    expect(quoteOf('court.txt', 'neighbourhood bond building').speaker).toBeUndefined();
  });
});
