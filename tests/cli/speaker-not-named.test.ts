import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/types.ts';
import { renderAnswers } from '../../src/cli/render.ts';
import { answerEmbed } from '../../src/bot/render.ts';

const sentence = '"The gym floor is still warped and the heating only works in half of the classrooms."';
const unnamed: Answer = {
  answer: 'The gym floor is still warped and the heating only works in half of the classrooms.',
  evidence: 'The gym floor is still warped and the heating only works in half of the classrooms.',
  source: { file: 'unnamed.txt', title: 'Island school reopens after the storm', sentence },
  score: 0.7,
};

describe('a quotation whose speaker is not named', () => {
  it('the terminal says so, and only for /quote', () => {
    expect(renderAnswers([unnamed], undefined, 'quote')).toContain('speaker not named');
    expect(renderAnswers([unnamed], undefined, 'search')).not.toContain('speaker not named');
    expect(renderAnswers([{ ...unnamed, speaker: 'Ines Dalgaard' }], undefined, 'quote')).toContain('— Ines Dalgaard');
  });

  it('the bot embed says so in its Speaker field', () => {
    const field = answerEmbed('quote', unnamed).fields?.find((f) => f.name === 'Speaker');
    expect(field?.value).toMatch(/speaker not named/);
  });
});
