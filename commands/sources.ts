// /sources — the indexed articles (headline, date, file, sentence count), ten per page with buttons.
import { ButtonStyle, SlashCommandBuilder } from 'discord.js';
import { listSources, type SearchIndex } from '../src/engine/index.ts';
import type { Command } from '../src/bot/command.ts';
import { button, EXPIRED, listPageId, parseButtonId, rows } from '../src/bot/buttons.ts';
import { formatDate, md, truncate } from '../src/bot/render.ts';
import { indexFor, send, tell, update, type Reply } from '../src/bot/respond.ts';

export const PER_PAGE = 10;

export function sourcesPage(index: SearchIndex, page: number): Reply | undefined {
  const all = listSources(index);
  const pages = Math.max(1, Math.ceil(all.length / PER_PAGE));
  if (page < 0 || page >= pages) return undefined;
  const shown = all.slice(page * PER_PAGE, (page + 1) * PER_PAGE);
  const lines = shown.map((s, i) => {
    const head = `**${page * PER_PAGE + i + 1}.** ${md(truncate(s.title ?? '(no headline)', 200))}`;
    const meta = [s.date ? formatDate(s.date) : 'undated', `\`${s.file.replace(/`/g, "'")}\``, `${s.sentences} sentence${s.sentences === 1 ? '' : 's'}`];
    return `${head}\n${meta.join(' · ')}`;
  });
  const sentences = all.reduce((n, s) => n + s.sentences, 0);
  const buttons = [];
  if (page > 0) buttons.push(button(listPageId('sources', page - 1), 'Previous'));
  if (page < pages - 1) buttons.push(button(listPageId('sources', page + 1), 'Next', ButtonStyle.Primary));
  return {
    embeds: [
      {
        title: `Indexed articles (${all.length})`,
        description: lines.join('\n\n') || 'No articles are indexed.',
        footer: { text: `Page ${page + 1} of ${pages} · ${all.length} articles · ${sentences} sentences` },
      },
    ],
    components: rows(buttons),
  };
}

export default {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('The indexed articles: headline, date, file and sentence count')
    .addBooleanOption((o) => o.setName('hide').setDescription('Only you see the list')),
  async execute(interaction, ctx, outcome) {
    const hide = interaction.options.getBoolean('hide') ?? false;
    const index = await indexFor(interaction, ctx, { ephemeral: hide });
    outcome.answers = listSources(index).length;
    await send(interaction, sourcesPage(index, 0)!, hide);
  },
  async button(interaction, ctx, outcome) {
    const action = parseButtonId(interaction.customId);
    if (action.kind !== 'page') return tell(interaction, EXPIRED);
    const index = await indexFor(interaction, ctx, { updateMessage: true });
    const reply = sourcesPage(index, action.page);
    if (!reply) return tell(interaction, EXPIRED);
    outcome.answers = listSources(index).length;
    await update(interaction, reply);
  },
} satisfies Command;
