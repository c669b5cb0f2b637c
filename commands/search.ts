// /search — The sentences that best match your words (no extraction).
import type { Command } from '../src/bot/command.ts';
import { answerButton, answerData, autocompleteAnswer, executeAnswer } from '../src/bot/answers.ts';

export default {
  data: answerData('search', 'The sentences that best match your words (no extraction)', 'Words to look for, e.g. "counter-terrorism operation"'),
  execute: (interaction, ctx, outcome) => executeAnswer('search', interaction, ctx, outcome),
  autocomplete: autocompleteAnswer,
  button: (interaction, ctx, outcome) => answerButton('search', interaction, ctx, outcome),
} satisfies Command;
