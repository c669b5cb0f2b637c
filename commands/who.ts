// /who — Who is or did …? A name from the articles, with the sentence that says so.
import type { Command } from '../src/bot/command.ts';
import { answerButton, answerData, autocompleteAnswer, executeAnswer } from '../src/bot/answers.ts';

export default {
  data: answerData('who', 'Who is or did …? A name from the articles, with the sentence that says so', 'What to ask, e.g. "is the finance minister"'),
  execute: (interaction, ctx, outcome) => executeAnswer('who', interaction, ctx, outcome),
  autocomplete: autocompleteAnswer,
  button: (interaction, ctx, outcome) => answerButton('who', interaction, ctx, outcome),
} satisfies Command;
