import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { quoteIn, tempCorpus } from '../../helpers.ts';

// Invented articles in the shapes of the wrong or missing speakers of a hand-checked sample (docs/QUOTES.md):
// names that end in a title word, titles joined after a name, a surname two people share, and the
// cases where the only candidate is a listener, a recipient or an unnamed person, so no name may be given.
const ARTICLES = {
  'harbour.txt': {
    date: '2026-04-01',
    title: 'Harbour authority settles the dredging case',
    paragraphs: [
      'The harbour authority agreed on Tuesday to pay for the dredging of the north channel.',
      '"The channel will be open to fishing boats again by the autumn," said Marisol King, Acting Director of the Harbour Authority.',
      '"The divers found the wreck in forty minutes," said Odalys Okonkwo Special Agent in Charge, Coastal Police.',
      'Police arrested Darius Pohl near the pier after the fire.',
      '"I am proud of the crews who ran towards the fire," tweeted Mayor of Lindenport Anwen Pohl (no relation).',
    ],
  },
  'ferryline.txt': {
    date: '2026-04-02',
    title: 'Ferry company under investigation',
    paragraphs: [
      'Harbourline said in a financial filing to the Maritime Safety Commission that the inquiry began in March.',
      'The company said in their filing the inquiry "concerns the ballast water records of two ships".',
      'A spokesperson told the Coastal Times the fire began shortly after noon.',
      '"No crew members were hurt;" read the statement; "we will keep both ships in service."',
      'Brightwater Fisheries released a statement which read, "Our boats will stay in port until the storm passes."',
    ],
  },
  'agents.txt': {
    date: '2026-04-04',
    title: 'Wildlife smugglers sentenced',
    paragraphs: [
      'Two men were sentenced on Friday for smuggling turtle shells through the port of Brandt.',
      'Agent Bryn Halvorsen led the search of the crates.',
      '"The shells were hidden in crates of frozen fish," said Special Agent in Charge Halvorsen of the Customs Service.',
      '"Every crate was opened," said Special Agent in Charge Quennell of the harbour police.',
      '"We will keep inspecting every crate that arrives from the south," said Brandt Port Authority Inspector Tamsin Achterberg.',
      '"Smugglers underestimate how closely the crates are watched." said Ottoline Brack, director of the wildlife service.',
      '"The sentences show that smuggling does not pay," said Ottoline Brack.',
      '"Each shell came from a protected turtle," said Acting Special Agent in Charge of the northern office. "We counted more than four hundred of them."',
    ],
  },
  'court.txt': {
    date: '2026-04-03',
    title: 'Tax preparer barred from filing returns',
    paragraphs: [
      'A federal court barred a tax preparer from filing returns, the Justice Ministry announced today. Judge Ilsabet Varga entered the order, finding that the preparer used "a scheme of invented charitable gifts and phantom dependents."',
      'One MP told the Gazette, "We should have closed this loophole ten years ago."',
      'Researchers at the Tidewater Institute counted the reef fish for a year. They reported, "The grazing fish keep the algae off the young coral."',
      'Deputy Minister Ilsabet Varga opened the harbour conference, "Keeping our Harbours Safe; Making the Coast a Better Place," in Brandt on Monday.',
      'Ilsabet Varga and Odile Renner said, "The harbour will stay open all winter."',
      'Governor Odile Renner visited the pier on Monday. In a meeting that day she was told by Harbour Master Tamsin Achterberg of "at least forty boats lost in the storm".',
      'Quentin Marlow of regional fishing group Coastal Catch Alliance said, "The quotas were set without asking a single skipper."',
      '"Every crate will be opened in Brandt from now on," said Harbour Director Anselm K, Rautio of the port authority.',
      'The Lindenport Fishing Foundation gave the crews a grant. "The crews will get new radios before winter," he said.',
      '"The ferry fares will not rise this year," Varga said, but added the port fees "may have to go up in the spring."',
      'Varga defended the levy, calling it "the fairest way to pay for the dredging" but argued the council should pay half.',
      'The High Court of Brandt and Lindenport also ruled on Monday, finding: "The levy cannot be collected before the vote."',
      'The survey was led by Ottoline Brack, a marine ecologist and Regents Professor at TRI, who said "The reef is recovering faster than we hoped."',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(ARTICLES), onWarn: () => {} });
});

const quoteOf = (file: string, text: string) => quoteIn(index, file, text);

describe('names that look like titles, titles that stick to names', () => {
  it('"said Marisol King, Acting Director": a given name before a surname that is also a title word', () => {
    expect(quoteOf('harbour.txt', 'open to fishing boats').speaker).toBe('Marisol King');
  });

  it('"said Odalys Okonkwo Special Agent in Charge": the title after the name is not part of it', () => {
    expect(quoteOf('harbour.txt', 'found the wreck').speaker).toBe('Odalys Okonkwo');
  });

  it('"Mayor of Lindenport Anwen Pohl": the name as written, not the other Pohl of the article', () => {
    expect(quoteOf('harbour.txt', 'proud of the crews').speaker).toBe('Anwen Pohl');
  });
});

describe('the body that issued a statement', () => {
  it('"released a statement which read": the subject that released it', () => {
    expect(quoteOf('ferryline.txt', 'stay in port').speaker).toBe('Brightwater Fisheries');
  });

  it('the recipient of a filing is never its issuer', () => {
    expect(quoteOf('ferryline.txt', 'ballast water records').speaker).not.toBe('Maritime Safety Commission');
  });

  it('the outlet a spokesperson told is never the speaker of the statement', () => {
    expect(quoteOf('ferryline.txt', 'No crew members were hurt').speaker ?? '').not.toMatch(/Coastal Times/);
    expect(quoteOf('ferryline.txt', 'keep both ships in service').speaker ?? '').not.toMatch(/Coastal Times/);
  });
});

describe('no speaker when none is named', () => {
  it("words quoted inside a sentence of their own do not take the last sentence's speaker", () => {
    expect(quoteOf('court.txt', 'invented charitable gifts').speaker).not.toBe('Justice Ministry');
  });

  it('"One MP told the Gazette": one of many is not a name', () => {
    const q = quoteOf('court.txt', 'closed this loophole');
    expect(q.speaker).toBeUndefined();
    expect(q.confidence).toBe(0);
  });

  it('"They reported" after researchers: no organisation is guessed', () => {
    expect(quoteOf('court.txt', 'grazing fish').speaker).toBeUndefined();
  });
});

describe('titles that run into the name', () => {
  it('"said Special Agent in Charge Halvorsen": the surname after "in Charge", with the full name the article gives', () => {
    expect(quoteOf('agents.txt', 'crates of frozen fish').speaker).toBe('Bryn Halvorsen');
    expect(quoteOf('agents.txt', 'Every crate was opened').speaker).toBe('Quennell');
  });

  it('"said Brandt Port Authority Inspector Tamsin Achterberg": the person after the organisation and the title', () => {
    expect(quoteOf('agents.txt', 'inspecting every crate').speaker).toBe('Tamsin Achterberg');
  });

  it('"…watched." said Ottoline Brack: a speech verb after a full stop still attributes', () => {
    expect(quoteOf('agents.txt', 'closely the crates are watched').speaker).toBe('Ottoline Brack');
  });

  it('a quotation whose own speech verb names no one takes neither the last speaker nor a title', () => {
    expect(quoteOf('agents.txt', 'protected turtle').speaker).toBeUndefined();
    expect(quoteOf('agents.txt', 'four hundred').speaker).toBeUndefined();
  });
});

describe('titles, pairs of speakers and bodies named with "and"', () => {
  it("a title quoted inside a sentence is nobody's words", () => {
    expect(quoteOf('court.txt', 'Keeping our Harbours').speaker).toBeUndefined();
  });

  it('"X and Y said": two speakers, so neither is given', () => {
    expect(quoteOf('court.txt', 'stay open all winter').speaker).toBeUndefined();
  });

  it('"The High Court of Brandt and Lindenport ruled": the body named from its start', () => {
    expect(quoteOf('court.txt', 'levy cannot be collected').speaker).toBe('High Court of Brandt and Lindenport');
  });

  it('"a marine ecologist and Regents Professor, who said": a plural word is no given name, the title no speaker', () => {
    expect(quoteOf('court.txt', 'recovering faster').speaker).not.toBe('Regents Professor');
  });
});

describe('a speech verb after a conjunction', () => {
  it('"…," Varga said, but added “…”: the quotation before the conjunction keeps its own speaker', () => {
    expect(quoteOf('court.txt', 'ferry fares will not rise').speaker).toBe('Ilsabet Varga');
  });

  it('“…” but argued the council …: the verb after the conjunction names no speaker of the quotation before it', () => {
    expect(quoteOf('court.txt', 'fairest way to pay').speaker ?? 'Ilsabet Varga').toBe('Ilsabet Varga');
  });
});

describe('names that cannot be the speaker', () => {
  it('"said Harbour Director Anselm K, Rautio": a name cut short at an initial names no one', () => {
    expect(quoteOf('court.txt', 'opened in Brandt from now on').speaker).toBeUndefined();
  });

  it('"he said" never folds back to a foundation', () => {
    expect(quoteOf('court.txt', 'new radios before winter').speaker ?? '').not.toMatch(/Foundation/);
  });
});

describe('passives and groups named after a person', () => {
  it('"she was told by Harbour Master Achterberg of “…”": the agent speaks, the subject listens', () => {
    expect(quoteOf('court.txt', 'forty boats lost').speaker).toMatch(/Tamsin Achterberg$/);
  });

  it('"Quentin Marlow of regional fishing group Coastal Catch Alliance said": the person, not the group', () => {
    expect(quoteOf('court.txt', 'without asking a single skipper').speaker).toBe('Quentin Marlow');
  });
});
