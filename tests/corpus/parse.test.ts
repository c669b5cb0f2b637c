// Parsing rules on small synthetic articles: one rule per test, so a failure names the rule.
import { describe, expect, it } from 'vitest';
import { parseArticle, parseDateBanner } from '../../src/corpus/index.ts';

const P1 = 'The minister said on Monday that the new plan would be reviewed next year.';
const P2 = '“We will not give up,” the spokesperson told reporters in the capital.';
const parse = (text: string) => parseArticle('t.txt', text);

describe('parseDateBanner', () => {
  it.each([
    ['Tuesday, April 30, 2024', '2024-04-30'],
    ['April 30, 2024', '2024-04-30'],
    ['Apr. 30, 2024', '2024-04-30'],
    ['30 April 2024', '2024-04-30'],
    ['Tuesday 30th April 2024', '2024-04-30'],
    ['2024-04-30', '2024-04-30'],
    ['Updated: Apr 30, 2024 10:15 PKT', '2024-04-30'],
    ['Published on September 3, 2019', '2019-09-03'],
  ])('%s → %s', (line, iso) => expect(parseDateBanner(line)).toBe(iso));

  it.each(['February 30, 2024', 'On April 30, 2024 the talks began.', 'April 2024', 'Pak-US dialogue', ''])('rejects %j', (line) => expect(parseDateBanner(line)).toBeUndefined());
});

describe('date header and title', () => {
  it('reads the standard format', () => {
    expect(parse(` date 2024-01-02\nHeadline here\n\n${P1}\n${P2}\n`)).toEqual({
      file: 't.txt',
      title: 'Headline here',
      date: '2024-01-02',
      paragraphs: [P1, P2],
    });
  });

  it('trusts the headline line even when it ends like a sentence', () => {
    const a = parse(` date 2024-01-02\nWho will pay for the new bridge across the river?\n\n${P1}\n`);
    expect(a.title).toBe('Who will pay for the new bridge across the river?');
    expect(a.paragraphs).toEqual([P1]);
  });

  it('ignores an impossible header date but still strips the header', () => {
    const a = parse(` date 2024-13-45\nHeadline\n\n${P1}\n`);
    expect(a.date).toBeUndefined();
    expect(a.title).toBe('Headline');
  });

  it('glued header: date is metadata, the rest is body, title from the first sentence', () => {
    const a = parse(` date 2024-06-29 ${P1} ${P2}\n${P2.replace('capital', 'city')}\n`);
    expect(a.date).toBe('2024-06-29');
    expect(a.paragraphs[0]).toBe(`${P1} ${P2}`);
    expect(a.title).toBe(P1);
  });

  it('truncates a derived title on a word boundary', () => {
    const long = 'The committee that oversees the national counter-terrorism programme said on Monday that it would meet again in the spring to review the plan.';
    const a = parse(`${long}\n`);
    expect(a.title!.length).toBeLessThanOrEqual(101);
    expect(a.title).toMatch(/^The committee that oversees .*\w…$/);
    expect(long.startsWith(a.title!.slice(0, -1))).toBe(true);
  });

  it('title/blank/body without a date (Wikipedia style), even a one-word or numeric title', () => {
    expect(parse(`Kenya\n\n${P1}\n`)).toEqual({ file: 't.txt', title: 'Kenya', paragraphs: [P1] });
    expect(parse(`1973 oil crisis\n\n${P1}\n`).title).toBe('1973 oil crisis');
  });

  it('picks the headline out of banner chrome and takes the banner date', () => {
    const a = parse(`27°C\nLondon\nWednesday, 5 June 2024\nSubscribe\nWorld\nPolice arrest two after overnight raid in east London\n\n${P1}\n`);
    expect(a.title).toBe('Police arrest two after overnight raid in east London');
    expect(a.date).toBe('2024-06-05');
    expect(a.paragraphs).toEqual([P1]);
  });

  it('prefers the date header over a banner', () => {
    expect(parse(` date 2024-01-02\nHeadline\n\nMarch 3, 2020\n${P1}\n`).date).toBe('2024-01-02');
  });

  it('does not take a date banner from below the story start', () => {
    expect(parse(`Headline\n\n${P1}\nMarch 3, 2020\n`).date).toBeUndefined();
  });
});

describe('datelines', () => {
  it.each([
    ['ISLAMABAD: ', 'ISLAMABAD'],
    ['WASHINGTON (Reuters) — ', 'WASHINGTON'],
    ['NEW YORK, N.Y. -- ', 'NEW YORK'],
    ['TUCSON , Ariz. - ', 'TUCSON'],
    ['PESHAWAR, Pakistan: ', 'PESHAWAR'],
    ['Washington (AP) — ', 'Washington'],
    ['Taipei, Taiwan — ', 'Taipei'],
  ])('%j → %s', (prefix, place) => {
    const a = parse(`Headline\n\n${prefix}${P1}\n${P2}\n`);
    expect(a.place).toBe(place);
    expect(a.paragraphs[0]).toBe(P1);
  });

  it('takes a lone "Place:" line before the paragraph it introduces', () => {
    const a = parse(`Headline\n\nIslamabad:\n${P1}\n${P2}\n`);
    expect(a.place).toBe('Islamabad');
    expect(a.paragraphs).toEqual([P1, P2]);
  });

  it.each(['Note: ', 'UPDATE: ', 'WHO: ', 'However, Smith — '])('leaves a %j label alone', (prefix) => {
    const a = parse(`Headline\n\n${prefix}${P1}\n${P2}\n`);
    expect(a.place).toBeUndefined();
    expect(a.paragraphs[0]).toBe(prefix + P1);
  });

  it('leaves transcript speaker labels alone', () => {
    const a = parse(`Headline\n\nMODERATOR: ${P1}\nSMITH: ${P2}\nJONES: ${P1.replace('Monday', 'Friday')}\n`);
    expect(a.place).toBeUndefined();
    expect(a.paragraphs[1]).toBe(`SMITH: ${P2}`);
  });

  it('a lone label heading a list is not a dateline', () => {
    const a = parse(`Headline\n\n${P1}\nCOMMUTATIONS:\nJohn Smith El Paso, Texas\nJane Doe Austin, Texas\n`);
    expect(a.place).toBeUndefined();
  });

  it('only looks at the top of the story', () => {
    const a = parse(`Headline\n\n${P1}\n${P2}\nThe second paragraph ends here as well.\nLONDON: ${P1}\n`);
    expect(a.place).toBeUndefined();
  });
});

describe('chrome and body shape', () => {
  it.each([
    ['units', '13.1 C'],
    ['identifier', 'info_icon'],
    ['glued counter', '146,751FansLike'],
    ['photo credit', 'Representational Image Photo: AP'],
    ['caption with credit', 'The minister arrives at the summit. Image: Author.'],
    ['byline', 'By Staff Reporter'],
    ['button', 'Buy now'],
    ['section label', 'Related Articles'],
    ['separator', '* * *'],
    ['url', 'https://example.com/share?id=1'],
    ['credit line', '(With PTI Inputs)'],
  ])('drops %s', (_kind, line) => {
    const a = parse(`Headline\n\n${P1}\n${line}\n${P2}\n`);
    expect(a.paragraphs).toEqual([P1, P2]);
  });

  it('drops subheadings but keeps a long paragraph cut off mid-sentence', () => {
    const cut = 'The renewed and full-blown kinetic efforts of the armed forces would be augmented by full support from all law enforcement agencies and the';
    const a = parse(`Headline\n\n${P1}\nOperation Azm-e-Istehkam\n${P2}\n${cut}\n`);
    expect(a.paragraphs).toEqual([P1, P2, cut]);
  });

  it('keeps lead-in clauses and list items that end in a colon or semicolon', () => {
    const lead = 'In a statement to reporters, the ministry denied these allegations:';
    const item = 'paying appropriate penalties to the tax authorities in full;';
    expect(parse(`Headline\n\n${lead}\n${P2}\n`).paragraphs).toEqual([lead, P2]);
    expect(parse(`Headline\n\n${P1}\n\n${item}\n`).paragraphs).toEqual([P1, item]);
  });

  it('drops repeated paragraphs and a repeated headline, whatever the quote style', () => {
    const a = parse(`Headline words here\n\n${P2}\nHeadline words here\n${P1}\n${P2.replace(/[“”]/g, '"')}\n${P1}\n`);
    expect(a.paragraphs).toEqual([P2, P1]);
  });

  it('strips a trailing agency tag', () => {
    expect(parse(`Headline\n\n${P1}\n${P2} IANS\n`).paragraphs).toEqual([P1, P2]);
  });

  it('re-joins hard-wrapped lines', () => {
    const a = parse('Headline\n\nThe minister said on Monday that the new plan would\nbe reviewed next year by a counter-\nterrorism panel.\n');
    expect(a.paragraphs).toEqual(['The minister said on Monday that the new plan would be reviewed next year by a counter-terrorism panel.']);
  });

  it('does not treat a citation mark as an unfinished sentence', () => {
    const a = parse(`Title\n\nThe prime was found in 2009.[citation needed]\nare prime for any natural number n, as the formula shows.\n`);
    expect(a.paragraphs[0]).toBe('The prime was found in 2009.[citation needed]');
  });
});

describe('text normalisation', () => {
  it('normalises line ends, NBSP, tabs, runs of spaces and control characters, not quotes', () => {
    const a = parse(' date 2024-01-02\r\nHead\u00A0line\r\n\r\nThe\tminister  said\u0007 “no” and \u2018maybe\u2019 on Monday,\u200B officials said.\r\n');
    expect(a.title).toBe('Head line');
    expect(a.paragraphs).toEqual(['The minister said “no” and ‘maybe’ on Monday, officials said.']);
  });

  it('returns no paragraphs for a file with only chrome', () => {
    expect(parse('13.1 C\nBuy now\n').paragraphs).toEqual([]);
  });

  it('is deterministic and pure', () => {
    const text = ` date 2024-01-02\nHeadline\n\n${P1}\n`;
    expect(parse(text)).toEqual(parse(text));
  });
});
