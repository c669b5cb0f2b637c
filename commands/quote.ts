// /quote — What did … say? A quotation from the articles, with its speaker.
import type { Command } from '../src/bot/command.ts';
import { answerButton, answerData, autocompleteAnswer, executeAnswer } from '../src/bot/answers.ts';

export default {
  data: answerData('quote', 'What did … say? A quotation from the articles, with its speaker', 'Who or what was said, e.g. "the minister on the budget"'),
  execute: (interaction, ctx, outcome) => executeAnswer('quote', interaction, ctx, outcome),
  autocomplete: autocompleteAnswer,
  button: (interaction, ctx, outcome) => answerButton('quote', interaction, ctx, outcome),
} satisfies Command;
