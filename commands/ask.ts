// /ask — Any question: routed by its form to /who, /when, /quote or /search, and answered as that command would.
import type { Command } from '../src/bot/command.ts';
import { answerData, answerPage, autocompleteAnswer, pageState, readAsk } from '../src/bot/answers.ts';
import { routeQuestion } from '../src/engine/index.ts';
import { md, truncate } from '../src/bot/render.ts';
import { send } from '../src/bot/respond.ts';

export default {
  data: answerData('ask', 'Ask anything: who, when, what someone said, or words to look for', 'Your question, e.g. "who is the finance minister"'),
  async execute(interaction, ctx, outcome) {
    const { index, state, hide } = await readAsk(interaction, ctx);
    const routed = routeQuestion(state.query);
    // The page's buttons carry the routed command's name, so that command's own button handler turns them.
    const { reply, answers } = await answerPage(index, routed.command, pageState({ ...state, query: routed.query }), 0);
    outcome.answers = answers;
    const as = `Answered as \`/${routed.command}\` “${md(truncate(routed.query, 200))}”`;
    await send(interaction, { ...reply, content: reply.content ? `${as} · ${reply.content}` : as }, hide);
  },
  autocomplete: autocompleteAnswer,
} satisfies Command;
