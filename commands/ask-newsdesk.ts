// "Ask newsdesk" — on a message (Apps → Ask newsdesk): a question in it is answered as /ask would, other
// words are searched for; only the user who asked sees the reply.
import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import { answerPage } from '../src/bot/answers.ts';
import { messageQuery } from '../src/bot/message-text.ts';
import { md, truncate } from '../src/bot/render.ts';
import { indexFor, send, tell } from '../src/bot/respond.ts';
import { routeQuestion } from '../src/engine/index.ts';

export default {
  data: new ContextMenuCommandBuilder().setName('Ask newsdesk').setType(ApplicationCommandType.Message),
  async execute(interaction, ctx, outcome) {
    const asked = messageQuery(interaction.targetMessage);
    outcome.answers = 0;
    if (!asked.text) return tell(interaction, 'That message has no words I can look up — try it on a message with text.');
    const routed = asked.question ? routeQuestion(asked.text) : { command: 'search' as const, query: asked.text };
    const index = await indexFor(interaction, ctx, { ephemeral: true });
    // The page's buttons carry the routed command's name, so that command's own handler turns them.
    const { reply, answers } = await answerPage(index, routed.command, { query: routed.query }, 0);
    outcome.answers = answers;
    const as = `Answered as \`/${routed.command}\` “${md(truncate(routed.query, 200))}”`;
    await send(interaction, { ...reply, content: reply.content ? `${as} · ${reply.content}` : as }, true);
  },
} satisfies Command<'message'>;
