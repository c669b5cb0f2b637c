/**
 * How sure a speaker found each way is: a name at the verb counts 1, the rest scale it, set from
 * hand-checked samples (docs/QUOTES.md says how they were taken).
 */
export const SURE = {
  /** "he added": the person last named as a speaker. */
  pronoun: 0.9,
  /** "it said": the body that issued a statement, else the nearest organisation. */
  bodyPronoun: 0.8,
  /** "they said": as often the people of a plural noun ("the researchers") as a body. */
  theyPronoun: 0.6,
  /** "the senator said": the person the article gave that role, named before. */
  roleBefore: 0.9,
  /** … named only after the quotation. */
  roleAfter: 0.6,
  /** "Day said": a capitalised word the model did not tag as a name. */
  untagged: 0.85,
  /** "the ministry said": the organisation of that kind named before. */
  bodyByHead: 0.85,
  /** "said U.S. Attorney for the … District Wagner": the article's full name for the surname ending the title. */
  surnameAfterTitle: 0.9,
  /** "the company said" with no company named: not a name to give. */
  bareNoun: 0.5,
} as const;
