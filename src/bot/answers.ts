// The shared body of /who, /when, /quote and /search: options, autocomplete, answer pages and buttons.
import { ButtonStyle, SlashCommandBuilder, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { articleIndex, askIndex } from '../app/postgres.ts';
import { checkFilter, checkQuery, takeFilters, contextOf, listSources, MAX_QUERY_LENGTH, QueryError, suggest, type DateFilter, type SearchIndex } from '../engine/index.ts';
import type { CommandName } from '../types.ts';
import type { BotContext, Outcome } from './command.ts';
import { button, contextId, EXPIRED, pageId, parseButtonId, rows, sentenceAt, sentencePosition, type PageState } from './buttons.ts';
import { feedbackRows } from './feedback.ts';
import { answerEmbed, citation, clip, LIMITS, md, truncate } from './render.ts';
import { indexFor, send, tell, update, type Reply } from './respond.ts';

/** Answers per page (one embed each). */
export const PAGE_SIZE = 3;
/** "More answers" stops after this many pages. */
export const MAX_PAGES = 5;
/** Sentences either side of the cited one in "Show context". */
export const CONTEXT_RADIUS = 2;

/** The options every answer command has: query (autocompleted), source (autocompleted), after, before, hide. */
export function answerData(name: CommandName | 'ask', description: string, queryHelp: string) {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .addStringOption((o) => o.setName('query').setDescription(queryHelp).setRequired(true).setMaxLength(MAX_QUERY_LENGTH).setAutocomplete(true))
    .addStringOption((o) => o.setName('source').setDescription('Only look in this article').setAutocomplete(true))
    .addStringOption((o) => o.setName('after').setDescription('Only articles dated on or after this: YYYY-MM-DD, YYYY-MM or YYYY').setMaxLength(10))
    .addStringOption((o) => o.setName('before').setDescription('Only articles dated before this: YYYY-MM-DD, YYYY-MM or YYYY').setMaxLength(10))
    .addBooleanOption((o) => o.setName('hide').setDescription('Only you see the answer'));
}

/** The `after`/`before` options, checked (a bad date is a QueryError naming it). */
export function filterOptions(interaction: ChatInputCommandInteraction): DateFilter {
  const after = interaction.options.getString('after') ?? undefined;
  const before = interaction.options.getString('before') ?? undefined;
  return checkFilter({ ...(after ? { after } : {}), ...(before ? { before } : {}) });
}

/** What a page of answers asks: the query, the article and the date window. */
export interface AskState {
  query: string;
  source?: string;
  filter: DateFilter;
}

/** The command's options read and checked, and the index (deferring while it loads). */
export async function readAsk(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<{ index: SearchIndex; state: AskState; hide: boolean }> {
  // `after:`/`before:` typed into the query work as in the REPL; the options win over them.
  const { query: words, ...typed } = takeFilters(interaction.options.getString('query') ?? '');
  const query = checkQuery(words);
  const filter = checkFilter({ ...typed, ...filterOptions(interaction) });
  const given = interaction.options.getString('source') ?? undefined;
  const hide = interaction.options.getBoolean('hide') ?? false;
  const index = await indexFor(interaction, ctx, { ephemeral: hide });
  const source = given ? resolveSource(index, given) : undefined;
  return { index, state: { query, filter, ...(source ? { source } : {}) }, hide };
}

/** Finds the article the user meant: file name as given, then case-insensitively, then by headline. */
export function resolveSource(index: SearchIndex, given: string): string {
  const sources = listSources(index);
  const g = given.trim().toLowerCase();
  const hit =
    sources.find((s) => s.file === given.trim()) ??
    sources.find((s) => s.file.toLowerCase() === g) ??
    sources.find((s) => s.title?.toLowerCase() === g) ??
    sources.find((s) => s.file.toLowerCase().replace(/\.txt$/, '') === g);
  if (!hit) throw new QueryError(`There is no indexed article called “${truncate(given, 80)}” — pick one from the list, or see \`/sources\`.`);
  return hit.file;
}

/** One page of answers as a message: an embed per answer, context buttons, paging buttons. */
export async function answerPage(index: SearchIndex, command: CommandName, state: PageState, page: number): Promise<{ reply: Reply; answers: number }> {
  const want = Math.min((page + 1) * PAGE_SIZE + 1, MAX_PAGES * PAGE_SIZE);
  // `from` is the index the answers came from: the query's slice of the database, or the embedded index.
  const {
    answers: all,
    note,
    index: from,
  } = await askIndex(index, command, state.query, {
    limit: want,
    ...(state.source ? { source: state.source } : {}),
    ...(state.after ? { after: state.after } : {}),
    ...(state.before ? { before: state.before } : {}),
  });
  const shown = all.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  if (shown.length === 0) {
    if (page > 0) return { reply: { content: EXPIRED }, answers: 0 };
    return { reply: { content: noAnswer(index, command, state, note) }, answers: 0 };
  }
  const hasMore = all.length > (page + 1) * PAGE_SIZE;
  const embeds = shown.map((a) => answerEmbed(command, a));
  const buttons = shown.map((a, i) =>
    button(
      contextId(command, i, { file: a.source.file, sentence: a.source.sentence, position: sentencePosition(from, a.source.file, a.source.sentence) }),
      shown.length === 1 ? 'Show context' : `Show context ${page * PAGE_SIZE + i + 1}`,
    ),
  );
  if (page > 0) buttons.push(button(pageId(command, page - 1, state), 'Previous', ButtonStyle.Secondary));
  if (hasMore) buttons.push(button(pageId(command, page + 1, state), 'More answers', ButtonStyle.Primary));
  const first = page * PAGE_SIZE + 1;
  const content = page > 0 || hasMore ? `Answers ${first}–${first + shown.length - 1}` : undefined;
  const feedback = feedbackRows(
    command,
    state.query,
    shown.map((_, i) => first + i),
  );
  return { reply: { content, embeds, components: [...rows(buttons), ...feedback] }, answers: shown.length };
}

function noAnswer(index: SearchIndex, command: CommandName, state: PageState, note: string | undefined): string {
  const n = index.docs.length;
  const where = (state.source ? `the article \`${state.source.replace(/`/g, "'")}\`` : `the ${n} indexed article${n === 1 ? '' : 's'}`) + windowText(state);
  const hint = command === 'search' ? 'Try fewer or different words.' : 'Try `/search` with a few key words, or rephrase.';
  if (note) return `${md(truncate(note, 300))} ${hint}`;
  return `No answer in ${where} for /${command} “${md(truncate(state.query, 200))}”. ${hint}`;
}

/** " dated on or after 1 June 2024 and before …", for the no-answer message. */
export function windowText(filter: DateFilter): string {
  const parts = [filter.after ? `on or after ${filter.after}` : '', filter.before ? `before ${filter.before}` : ''].filter(Boolean);
  return parts.length ? ` dated ${parts.join(' and ')}` : '';
}

export async function executeAnswer(command: CommandName, interaction: ChatInputCommandInteraction, ctx: BotContext, outcome: Outcome): Promise<void> {
  const { index, state, hide } = await readAsk(interaction, ctx);
  const { reply, answers } = await answerPage(index, command, pageState(state), 0);
  outcome.answers = answers;
  await send(interaction, reply, hide);
}

export const pageState = (s: AskState): PageState => ({ query: s.query, ...(s.source ? { source: s.source } : {}), ...s.filter });

/** Autocomplete for `query` (names, places, terms) and `source` (articles). Never defers: answers [] while loading. */
export async function autocompleteAnswer(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const index = ctx.index();
  const focused = interaction.options.getFocused(true);
  if (!index) return void (await interaction.respond([]));
  const typed = String(focused.value ?? '');
  let choices: { name: string; value: string }[];
  if (focused.name === 'source') {
    const t = typed.trim().toLowerCase();
    choices = listSources(index)
      .filter((s) => !t || s.file.toLowerCase().includes(t) || (s.title ?? '').toLowerCase().includes(t))
      .map((s) => ({ name: truncate([s.title ?? s.file, s.date].filter(Boolean).join(' — '), LIMITS.choice), value: s.file }))
      .filter((c) => c.value.length <= LIMITS.choice);
  } else {
    choices = suggest(index, typed, LIMITS.choices)
      .filter((s) => s.length <= LIMITS.choice)
      .map((s) => ({ name: s, value: s }));
  }
  await interaction.respond(dedupe(choices).slice(0, LIMITS.choices));
}

const dedupe = <T extends { value: string }>(xs: T[]): T[] => {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(x.value) && !!seen.add(x.value));
};

/** "Show context" and "More answers"/"Previous". */
export async function answerButton(command: CommandName, interaction: ButtonInteraction, ctx: BotContext, outcome: Outcome): Promise<void> {
  const action = parseButtonId(interaction.customId);
  if (action.kind === 'context') {
    const st = action.state;
    if (!st) return tell(interaction, EXPIRED);
    const index = await indexFor(interaction, ctx, { ephemeral: true });
    const article = await articleIndex(index, st.file);
    const sentence = (st.position !== undefined ? sentenceAt(article, st.file, st.position) : undefined) ?? st.sentence;
    const around = sentence ? contextOf(article, st.file, sentence, CONTEXT_RADIUS) : [];
    if (around.length === 0) return tell(interaction, EXPIRED);
    outcome.answers = 1;
    const doc = listSources(index).find((s) => s.file === st.file);
    const description = around.map((s) => (s === sentence ? `**${md(clip(s, 1200))}**` : md(clip(s, 600)))).join(' ');
    const reply: Reply = {
      embeds: [{ title: md(clip(doc?.title ?? st.file, 300)), description, footer: { text: citation({ file: st.file, title: doc?.title, date: doc?.date }) } }],
    };
    await send(interaction, reply, true);
    return;
  }
  if (action.kind === 'page') {
    const st = action.state;
    if (!st?.query) return tell(interaction, EXPIRED);
    // Only the person who asked turns the pages of their message; anyone else gets their own copy.
    const owner = interaction.message.interactionMetadata?.user?.id;
    const own = !owner || owner === interaction.user.id;
    const index = await indexFor(interaction, ctx, own ? { updateMessage: true } : { ephemeral: true });
    const { reply, answers } = await answerPage(index, command, st, action.page);
    outcome.answers = answers;
    if (answers === 0) return tell(interaction, EXPIRED);
    if (own) await update(interaction, reply);
    else await send(interaction, reply, true);
    return;
  }
  await tell(interaction, EXPIRED);
}
