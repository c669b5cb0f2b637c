import { beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../../src/app/index.ts';
import type { SearchIndex } from '../../../src/engine/index.ts';
import { ArticleClauses } from '../../../src/engine/quote/clauses.ts';
import { quoteIn, tempCorpus } from '../../helpers.ts';

// Invented articles: a pronoun that stands for the person of the sentence before, through another "he".
const ARTICLES = {
  'summit.txt': {
    date: '2025-05-02',
    title: 'Governor warns on harbour tolls',
    paragraphs: [
      'In a statement on Thursday, Governor Alma Reyes condemned the new harbour tolls as "unfair to every fishing family."',
      'She said the Port Authority and its partners will review the plan before the summer.',
      '"We will not let the port price out the people who built it," she said.',
    ],
  },
  'briefing.txt': {
    date: '2025-05-03',
    title: 'Ministry spokesman on the ferry contract',
    paragraphs: [
      'Ministry spokesman Piotr Halvorsen told reporters that the ferry contract would be signed in June.',
      'However, he could not explain why it was mentioned by Councillor Dana Whitfield in an interview last week.',
      '"We do not have the final figures yet," he said.',
    ],
  },
  'tags.txt': {
    date: '2025-05-05',
    title: 'Lawmakers on the veto',
    paragraphs: [
      '“It is a dog whistle to every voter,” Rep. Gwen Moore (D-Wis.) said Friday.',
      'After winning Ohio, Gov. Ada Kasich (R-OH), said, “I am getting ready to rent a covered wagon.”',
      'Sen. Ted Holm (Tex.) said he would “find out whether sand can glow in the dark.”',
      '“He may be the only one who unites the party. Others have issues with him,” Viguerie notes.',
      'Lewandowski quashed rumours of a book by tweeting that “I am under a strict agreement with the mayor.”',
      'On Tuesday, Gov. Jerry Brown endorsed her, citing her “long experience in the harbour office” and her preparedness.',
      'Continuing to explain his view, Carson rejected the notion, saying that if he “found something that was rotten, I would fix it.”',
      '“The veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.',
    ],
  },
  'voices.txt': {
    date: '2025-05-06',
    title: 'Readers on the harbour plan',
    paragraphs: [
      '“Does anybody know what the harbour plan of the council is?” Graham asked. “Neither do I.”',
      '“Why is this not proof that the harbour bank is too big to fail?” Vitter demanded.',
      '“The city will never go back to normal,” said the Rev. Peter Wherry, of Mayfield Church.',
      '“It is an invasion of the state domain,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing the agency, said at an event.',
      '“This is just a scripted show and we are all props,” said Virginia delegate Beau Correll, angered that leaders ignored the delegates.',
      'In an August speech, Lund attacked “the hateful ideology of the harbour lobby and its friends.”',
      'The mayor built “a bridge to nowhere” last year.',
      'Okafor poked at the mayor during the debate, tweeting, “Notice the mayor yawning all the time.”',
      'Lund told the audience that she believes the town must act, saying that “the harbour still decides too much” in the region.',
      'Democratic Sen. Claire Holm (D-Mo.) scolded him: “The shipping community is almost united against you,” she said.',
      '“Maybe we can build a wall around the harbour.” ― Steve Quinlan.',
      '“I hope this campaign gives the town the anger to vote.” — Jorge Falcon, teacher.',
      'The council will meet again in June.',
    ],
  },
  'visit.txt': {
    date: '2025-05-04',
    title: 'Premier visits the shipyard',
    paragraphs: [
      "Premier Oyelaran's tour of the shipyard on Friday drew a crowd.",
      'After her meeting with Oyelaran, the Harbour Board announced that the yard would get a new dock.',
      '"This yard will build the next ferry," Oyelaran said. He called the yard "the best in the north."',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(ARTICLES), onWarn: () => {} });
});

const doc = (file: string): number => index.docs.findIndex((d) => d.file === file);
const speakerOf = (file: string, words: string): string | undefined => quoteIn(index, file, words).speaker;

describe('clauseEnd', () => {
  it('runs past the stop of a party tag to the speech verb after the quotation', () => {
    expect(speakerOf('tags.txt', 'dog whistle')).toBe('Gwen Moore');
    expect(speakerOf('tags.txt', 'veto will be overridden')).toBe('Mitch McConnell');
  });

  it('skips a party tag before a comma, a state in brackets, and an opening participle phrase', () => {
    expect(speakerOf('tags.txt', 'covered wagon')).toBe('Ada Kasich');
    expect(speakerOf('tags.txt', 'sand can glow')).toBe('Ted Holm');
    expect(speakerOf('tags.txt', 'something that was rotten')).toBe('Carson');
  });

  it('a word of saying tagged as a noun after a name, a gerund after "by", and "citing"', () => {
    expect(speakerOf('tags.txt', 'unites the party')).toBe('Viguerie');
    expect(speakerOf('tags.txt', 'strict agreement')).toBe('Lewandowski');
    expect(speakerOf('tags.txt', 'long experience')).toBe('Jerry Brown');
  });
});

describe('the words after a quotation', () => {
  it('a name and a speech verb opening the sentence after a question attribute it', () => {
    expect(speakerOf('voices.txt', 'Does anybody know')).toBe('Graham');
    expect(speakerOf('voices.txt', 'too big to fail')).toBe('Vitter');
  });

  it("quoted words that are the object of a verb of saying are its subject's", () => {
    expect(speakerOf('voices.txt', 'hateful ideology')).toBe('Lund');
    expect(speakerOf('voices.txt', 'bridge to nowhere')).toBeUndefined();
  });

  it('a participle after a comma shares the subject of the sentence', () => {
    expect(speakerOf('voices.txt', 'yawning all the time')).toBe('Okafor');
    expect(speakerOf('voices.txt', 'still decides too much')).toBe('Lund');
  });

  it('a name in brackets after a person is no antecedent of her pronoun', () => {
    expect(speakerOf('voices.txt', 'almost united against you')).toBe('Claire Holm');
  });

  it('a dash and a name sign the quotation before them', () => {
    expect(speakerOf('voices.txt', 'build a wall')).toBe('Steve Quinlan');
    expect(speakerOf('voices.txt', 'anger to vote')).toBe('Jorge Falcon');
  });
});

describe('leadingPronoun', () => {
  it('is the speaker pronoun a sentence opens with, before any name', () => {
    const article = new ArticleClauses(index, doc('briefing.txt'));
    const [first, second] = [article.first, article.first + 1];
    expect(article.leadingPronoun(first)).toBeUndefined();
    expect(article.leadingPronoun(second)).toBe('he');
  });
});

describe('a pronoun folded back through the same pronoun', () => {
  it('skips the names a sentence opening with that pronoun goes on to mention', () => {
    expect(speakerOf('summit.txt', 'price out the people')).toBe('Alma Reyes');
    expect(speakerOf('briefing.txt', 'final figures')).toBe('Piotr Halvorsen');
  });

  it('takes a surname written with a title as a person', () => {
    expect(speakerOf('visit.txt', 'best in the north')).toBe('Oyelaran');
  });
});
