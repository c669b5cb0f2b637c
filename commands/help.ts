// /help — what the bot can do, shown only to the user who asked.
import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import { send } from '../src/bot/respond.ts';

const TEXT = [
  'I answer questions from a folder of news articles, always citing the sentence I found the answer in.',
  '',
  '`/ask <question>` — ask anything: I pick /who, /when, /quote or /search from its form, e.g. `/ask who is the finance minister`',
  '`/who <query>` — a person or organisation, e.g. `/who is the finance minister`',
  '`/when <query>` — a date, e.g. `/when was the operation launched`',
  '`/quote <query>` — what someone said, with the speaker, e.g. `/quote the minister on the budget`',
  '`/search <query>` — the sentences that best match your words',
  '`/timeline <who or what>` — what happened to it across the articles, oldest first, e.g. `/timeline the harbour bridge`',
  '`/sources` — the indexed articles',
  '**Ask newsdesk** — on any message (Apps → Ask newsdesk): its question answered, or its words searched, only for you',
  '',
  'Options: `source` limits an answer to one article; `after` and `before` (YYYY-MM-DD, YYYY-MM or YYYY) to articles dated on or after, or before, a date; `hide` shows the answer only to you.',
  'Buttons: **Show context** shows the sentences around the evidence; **More answers** pages through other answers; 👍/👎 tell us whether an answer helped.',
].join('\n');

export default {
  data: new SlashCommandBuilder().setName('help').setDescription('How to ask the news desk bot questions'),
  cooldown: 0,
  async execute(interaction, ctx, outcome) {
    const index = ctx.index();
    const status = index ? `${index.docs.length} articles indexed.` : 'The articles are still being indexed — answers may take a moment.';
    outcome.answers = 0;
    await send(interaction, { embeds: [{ title: 'News desk bot', description: TEXT, footer: { text: status } }] }, true);
  },
} satisfies Command;
