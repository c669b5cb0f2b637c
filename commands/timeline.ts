// /timeline — What happened to an entity or topic across the articles, oldest first, each entry dated and cited.
import { ButtonStyle, type APIEmbedField } from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import { answerData, autocompleteAnswer, pageState, readAsk, windowText } from '../src/bot/answers.ts';
import { button, EXPIRED, pageId, parseButtonId, rows, type PageState } from '../src/bot/buttons.ts';
import { askIndex } from '../src/app/postgres.ts';
import type { SearchIndex } from '../src/engine/index.ts';
import { clip, formatDate, highlight, md, truncate } from '../src/bot/render.ts';
import { indexFor, send, tell, update, type Reply } from '../src/bot/respond.ts';

/** Entries per page: one field each, so a page of five stays well inside the 6000-character message limit. */
export const PER_PAGE = 5;

/** One page of the timeline as an embed of dated entries, with Previous / Next. */
export async function timelinePage(index: SearchIndex, state: PageState, page: number): Promise<{ reply: Reply; entries: number }> {
  const { answers: all } = await askIndex(index, 'timeline', state.query, {
    ...(state.source ? { source: state.source } : {}),
    ...(state.after ? { after: state.after } : {}),
    ...(state.before ? { before: state.before } : {}),
  });
  const pages = Math.ceil(all.length / PER_PAGE);
  if (all.length === 0) {
    const n = index.docs.length;
    return {
      reply: {
        content: `Nothing in the ${n} indexed article${n === 1 ? '' : 's'}${windowText(state)} says what happened to “${md(truncate(state.query, 200))}”. Try \`/search\` with other words.`,
      },
      entries: 0,
    };
  }
  if (page < 0 || page >= pages) return { reply: { content: EXPIRED }, entries: 0 };
  const shown = all.slice(page * PER_PAGE, (page + 1) * PER_PAGE);
  const fields: APIEmbedField[] = shown.map((e) => {
    const when = `${formatDate(e.date ?? '')}${e.date_from === 'article' ? ' (article date)' : ''}`;
    const name = e.source.title ? md(clip(e.source.title, 120)) : `\`${clip(e.source.file, 120).replace(/`/g, "'")}\``;
    const cite = e.source.url ? `[${name}](${e.source.url})` : name;
    return {
      name: when,
      value: `${highlight(clip(e.answer, 600, e.evidence), e.date_from === 'text' ? e.evidence : undefined)}\n— ${cite}${e.source.date ? ` · ${e.source.date}` : ''}`,
    };
  });
  const buttons = [];
  if (page > 0) buttons.push(button(pageId('timeline', page - 1, state), 'Previous'));
  if (page < pages - 1) buttons.push(button(pageId('timeline', page + 1, state), 'Next', ButtonStyle.Primary));
  const articles = new Set(all.map((e) => e.source.file)).size;
  return {
    reply: {
      embeds: [
        {
          title: md(truncate(`Timeline: ${state.query}`, 250)),
          fields,
          footer: { text: `Page ${page + 1} of ${pages} · ${all.length} entr${all.length === 1 ? 'y' : 'ies'} from ${articles} article${articles === 1 ? '' : 's'}, oldest first` },
        },
      ],
      components: rows(buttons),
    },
    entries: shown.length,
  };
}

export default {
  data: answerData('timeline', 'What happened to a person, organisation or topic across the articles, oldest first', 'Who or what, e.g. "the harbour bridge"'),
  async execute(interaction, ctx, outcome) {
    const { index, state, hide } = await readAsk(interaction, ctx);
    const { reply, entries } = await timelinePage(index, pageState(state), 0);
    outcome.answers = entries;
    await send(interaction, reply, hide);
  },
  autocomplete: autocompleteAnswer,
  async button(interaction, ctx, outcome) {
    const action = parseButtonId(interaction.customId);
    if (action.kind !== 'page' || !action.state?.query) return tell(interaction, EXPIRED);
    const index = await indexFor(interaction, ctx, { updateMessage: true });
    const { reply, entries } = await timelinePage(index, action.state, action.page);
    if (entries === 0) return tell(interaction, EXPIRED);
    outcome.answers = entries;
    await update(interaction, reply);
  },
} satisfies Command;
