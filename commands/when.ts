// /when — When did … happen? A date from the articles, with the sentence that says so.
import type { Command } from '../src/bot/command.ts';
import { answerButton, answerData, autocompleteAnswer, executeAnswer } from '../src/bot/answers.ts';

export default {
  data: answerData('when', 'When did … happen? A date from the articles, with the sentence that says so', 'What to ask, e.g. "was the operation launched"'),
  execute: (interaction, ctx, outcome) => executeAnswer('when', interaction, ctx, outcome),
  autocomplete: autocompleteAnswer,
  button: (interaction, ctx, outcome) => answerButton('when', interaction, ctx, outcome),
} satisfies Command;
