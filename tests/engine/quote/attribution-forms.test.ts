import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { quoteIn, tempCorpus } from '../../helpers.ts';

// Invented articles, one paragraph per way of naming (or not naming) a speaker that issue 15 lists.
const ARTICLES = {
  'levy.txt': {
    date: '2026-03-02',
    title: 'Council budget fight spills onto social media',
    paragraphs: [
      "Councillor Maren Voss opposed the new parking levy at Tuesday's meeting.",
      '"We will not back down on the parking levy," the councillor fumed.',
      '"The levy punishes the night-shift workers who have no bus," Voss implored the committee.',
      'Dana Whitfield, on Twitter: "The debate was a circus from start to finish."',
      'Dana Whitfield (@dwhit): "Nobody read the amendment before the vote."',
      'Dana Whitfield, in a statement: "I will ask the auditor to review every line of the budget."',
      'Rep. Carl Ostrander II (D-Ore.) said "the federal grant will not cover the shortfall this year."',
      'Vice-presidential candidate Ada Brook said on \'Meet the Press\' that "the city deserves a balanced budget, not slogans."',
      'Ostrander criticised the mayor for "a reckless budget that ignores the harbour district."',
      '"Voters in the harbour district just rejected Senator Graves and his friends," Governor Elin Lund said.',
      '"The levy is dead," Voss said, while Whitfield replied, "The levy was never alive in the first place."',
      '"The bridge repairs will start in May and the road will close for six weeks, and that is final."',
      'So said Governor Lund on Friday.',
      '"We\'re not going to raise fares, and we don\'t need to," Voss quipped.',
      'Whitfield has long believed "the harbour district deserves a bus line of its own before any levy."',
    ],
  },
  'ferry.txt': {
    date: '2026-03-03',
    title: 'Ferry operator keeps the night crossing',
    paragraphs: [
      'Harbour master Ines Dalgaard spoke to reporters at the ferry terminal on Monday.',
      '“We’re not cutting the night ferry, and we don’t plan to,” Dalgaard said.',
      '“It isn’t a question of money but of crews,” she added.',
      '“The winter timetable will keep two boats on the island route,” Dalgaard said later. “The winter timetable will keep two boats on the island route until March,” she repeated at the council meeting.',
      '“A third boat would need a second harbour crane and twelve more deckhands,” the spokeswoman said.',
    ],
  },
  'unnamed.txt': {
    date: '2026-03-04',
    title: 'Island school reopens after the storm',
    paragraphs: [
      'The island school reopened on Wednesday after three weeks of repairs to its flooded gym.',
      '"The senator promised us a new roof before the summer holidays," one parent told the crowd.',
      '"The gym floor is still warped and the heating only works in half of the classrooms."',
      'Repairs to the roof are expected to finish in June.',
      '"Every classroom will have a working radiator by Monday," the official said, before the meeting ended.',
    ],
  },
  'split.txt': {
    date: '2026-03-05',
    title: 'Lighthouse keeper retires after forty years',
    paragraphs: [
      'Lighthouse keeper Tomas Ahlgren handed the lighthouse keys to the coastal authority on Thursday.',
      '"I climbed the hundred and twelve steps every night for forty years, in every storm the sea could send.',
      '"The lamp never went dark on my watch, and I hope the automatic one will be as stubborn," Ahlgren said.',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(ARTICLES), onWarn: () => {} });
});

const quoteOf = (file: string, text: string) => quoteIn(index, file, text);

describe('speech verbs beyond the kept list', () => {
  it('"…," the councillor fumed — a verb known by its tag, the role folded to the person named', () => {
    expect(quoteOf('levy.txt', 'will not back down').speaker).toBe('Maren Voss');
  });

  it('"…," Voss implored the committee — a WordNet verb of communication', () => {
    expect(quoteOf('levy.txt', 'night-shift workers').speaker).toBe('Maren Voss');
  });

  it('Whitfield believed "…" — a WordNet verb of cognition reports a belief as speech', () => {
    expect(quoteOf('levy.txt', 'bus line of its own').speaker).toBe('Dana Whitfield');
  });

  it('"…," Voss quipped', () => {
    expect(quoteOf('levy.txt', 'raise fares').speaker).toBe('Maren Voss');
  });
});

describe('a name, an outlet or platform, then a colon', () => {
  it('Name, on Twitter: / Name (@handle): / Name, in a statement:', () => {
    expect(quoteOf('levy.txt', 'was a circus').speaker).toBe('Dana Whitfield');
    expect(quoteOf('levy.txt', 'Nobody read the amendment').speaker).toBe('Dana Whitfield');
    expect(quoteOf('levy.txt', 'review every line').speaker).toBe('Dana Whitfield');
  });
});

describe('titles and party tags', () => {
  it('Rep. Carl Ostrander II (D-Ore.) said', () => {
    expect(quoteOf('levy.txt', 'federal grant will not cover').speaker).toBe('Carl Ostrander II');
  });

  it("vice-presidential candidate Ada Brook said on 'Meet the Press'", () => {
    expect(quoteOf('levy.txt', 'balanced budget, not slogans').speaker).toBe('Ada Brook');
  });
});

describe('reported speech, names inside quotations, two speakers in one sentence', () => {
  it('X criticised the mayor for “…” → the subject, never the object', () => {
    const q = quoteOf('levy.txt', 'reckless budget');
    expect(q.speaker).toMatch(/Ostrander/);
    expect(q.speaker).not.toMatch(/mayor/i);
  });

  it('a name inside the quotation is not its speaker', () => {
    expect(quoteOf('levy.txt', 'rejected Senator Graves').speaker).toBe('Elin Lund');
  });

  it('each of two quotations in one sentence gets its own speaker, and the ask picks by its words', () => {
    expect(quoteOf('levy.txt', 'The levy is dead').speaker).toBe('Maren Voss');
    expect(quoteOf('levy.txt', 'never alive').speaker).toBe('Dana Whitfield');
    const [best] = answer(index, 'quote', 'the levy was never alive');
    expect(best.answer).toContain('never alive');
    expect(best.speaker).toBe('Dana Whitfield');
  });
});

describe('the speaker named after the quotation', () => {
  it('"…and that is final." / So said Governor Lund on Friday.', () => {
    expect(quoteOf('levy.txt', 'that is final').speaker).toBe('Elin Lund');
  });

  it('a long quote split across paragraphs takes the speaker named where it ends', () => {
    expect(quoteOf('split.txt', 'hundred and twelve steps').speaker).toBe('Tomas Ahlgren');
    expect(quoteOf('split.txt', 'lamp never went dark').speaker).toBe('Tomas Ahlgren');
  });
});

describe('pronouns, descriptions and near-duplicates', () => {
  it('"she added" and "the spokeswoman said" resolve to the nearest fitting named person', () => {
    expect(quoteOf('ferry.txt', 'question of money').speaker).toBe('Ines Dalgaard');
    // No spokeswoman is named: the description fits nobody, so no name is given.
    expect(quoteOf('ferry.txt', 'third boat').speaker).toBeUndefined();
  });

  it('of two near-identical quotations by one speaker, the ask gets the one its words match best', () => {
    const [short] = answer(index, 'quote', 'winter timetable will keep two boats on the island route');
    expect(short.answer).toBe('The winter timetable will keep two boats on the island route');
    const [long] = answer(index, 'quote', 'two boats on the island route until March');
    expect(long.answer).toContain('until March');
    expect(long.speaker).toBe('Ines Dalgaard');
  });
});

describe('contractions in the ask', () => {
  it.each(["we're not cutting the night ferry", 'we’re not cutting the night ferry', 'we are not cutting the night ferry', 'we dont plan to cut the night ferry'])('%s', (ask) => {
    const [best] = answer(index, 'quote', ask);
    expect(best.answer).toContain('night ferry');
    expect(best.speaker).toBe('Ines Dalgaard');
  });

  it.each(["isn't a question of money", 'isn’t a question of money', 'isnt a question of money'])('%s', (ask) => {
    const [best] = answer(index, 'quote', ask);
    expect(best.answer).toContain('question of money');
  });
});

describe('no speaker is given when none fits', () => {
  it('"one parent told the crowd": an unnamed speaker stays unnamed, the senator inside the quote is not taken', () => {
    const q = quoteOf('unnamed.txt', 'promised us a new roof');
    expect(q.speaker).toBeUndefined();
    expect(q.confidence).toBe(0);
  });

  it('a quotation standing alone after an unnamed speaker is returned with no speaker', () => {
    expect(quoteOf('unnamed.txt', 'gym floor is still warped').speaker).toBeUndefined();
    const [best] = answer(index, 'quote', 'gym floor is still warped');
    expect(best.answer).toContain('gym floor is still warped');
    expect(best).not.toHaveProperty('speaker');
  });

  it('"the official said" with no official named: no guessed name', () => {
    expect(quoteOf('unnamed.txt', 'working radiator').speaker).toBeUndefined();
  });
});

describe('speaker confidence', () => {
  it('a name at the verb is sure; a pronoun or a role folded back is less so, and ranks below', () => {
    const named = quoteOf('ferry.txt', 'night ferry');
    const pronoun = quoteOf('ferry.txt', 'question of money');
    expect(named.confidence).toBe(1);
    expect(pronoun.confidence).toBeGreaterThan(0.6);
    expect(pronoun.confidence).toBeLessThan(named.confidence);
  });

  it('a quote with no speaker scores below the same match with a sure speaker', () => {
    const [unnamed] = answer(index, 'quote', 'gym floor is still warped heating classrooms');
    const [named] = answer(index, 'quote', 'not cutting the night ferry plan');
    expect(unnamed.score).toBeLessThan(named.score);
  });
});
