import { describe, expect, it } from 'vitest';
import { findAcronyms } from '../../src/index/acronyms.ts';

describe('findAcronyms', () => {
  it.each([
    ['a resurgence of the Tehreek-e-Taliban Pakistan (TTP) in the north', 'ttp', 'Tehreek-e-Taliban Pakistan'],
    ['the Central Apex Committee on the National Action Plan (NAP).', 'nap', 'National Action Plan'],
    ['issued by the Prime Minister’s Office (PMO), the push', 'pmo', 'Prime Minister’s Office'],
    ['Pakistan Ministry of Foreign Affairs (MOFA), the country', 'mofa', 'Ministry of Foreign Affairs'],
    ['Azad Jammu and Kashmir (AJK).', 'ajk', 'Azad Jammu and Kashmir'],
  ])('learns the expansion the text gives: %s', (text, acronym, expansion) => {
    expect(findAcronyms(text)).toContainEqual([acronym, expansion]);
  });

  it('ignores brackets whose letters are not the initials of the words before them', () => {
    expect(findAcronyms('The meeting (AP) was held in Washington (DC).')).toEqual([]);
    expect(findAcronyms('Representational Image (Photo)')).toEqual([]);
  });
});
