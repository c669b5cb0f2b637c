// Every message the bot sends goes through here: no mentions ever, ephemeral where asked, and a deferral
// when the index is still loading or the answer is slow, so Discord's 3-second deadline is always met.
import {
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { SearchIndex } from '../engine/index.ts';
import type { BotContext } from './command.ts';
import { fitContent, fitEmbeds, NO_MENTIONS } from './render.ts';

export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
}

type Repliable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction;

/**
 * An interaction not answered this long after it arrived is deferred: Discord drops one that is not
 * acknowledged within 3 s, and the deferral's own round trip needs some of what is left.
 */
export const DEFER_AFTER_MS = 1500;

interface Deadline {
  received: number;
  deferAfterMs: number;
  timer?: NodeJS.Timeout;
  /** The deferral in flight (or done): a reply must wait for it, then edit it. */
  deferring?: Promise<void>;
}

const deadlines = new WeakMap<Interaction, Deadline>();

/** Starts the interaction's clock (the bot does it as the interaction arrives). */
export function received(interaction: Interaction, deferAfterMs = DEFER_AFTER_MS): void {
  deadlines.set(interaction, { received: performance.now(), deferAfterMs });
}

/**
 * Defers the interaction, the way `how` says, if it is still unanswered when its time is up. A
 * later call replaces the earlier one's `how`: the command knows best how its reply will look.
 */
export function deferIfSlow(interaction: Repliable, how: { ephemeral?: boolean; updateMessage?: boolean } = {}): void {
  const d = deadlines.get(interaction);
  if (!d || d.deferring) return;
  clearTimeout(d.timer);
  const wait = Math.max(0, d.received + d.deferAfterMs - performance.now());
  d.timer = setTimeout(() => {
    d.timer = undefined;
    if (interaction.deferred || interaction.replied) return;
    // A failure here (the interaction expired) resurfaces when the reply is sent, and is handled there.
    d.deferring = defer(interaction, how).catch(() => {});
  }, wait);
  d.timer.unref();
}

async function defer(interaction: Repliable, how: { ephemeral?: boolean; updateMessage?: boolean }): Promise<void> {
  if (how.updateMessage && interaction.isButton()) await interaction.deferUpdate();
  else await interaction.deferReply(how.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
}

/** Stops the clock before a reply, and waits for a deferral already on its way. */
async function answering(interaction: Interaction): Promise<void> {
  const d = deadlines.get(interaction);
  if (!d) return;
  clearTimeout(d.timer);
  d.timer = undefined;
  await d.deferring;
}

/** A reply payload within Discord's limits and with mentions disabled. */
export function payload(r: Reply) {
  return {
    content: r.content === undefined ? undefined : fitContent(r.content),
    embeds: r.embeds === undefined ? undefined : fitEmbeds(r.embeds),
    components: r.components,
    allowedMentions: NO_MENTIONS,
  };
}

/** Replies, or edits the deferred reply. `ephemeral` only matters for a first reply. */
export async function send(interaction: Repliable, r: Reply, ephemeral = false): Promise<void> {
  const p = payload(r);
  await answering(interaction);
  if (interaction.deferred || interaction.replied) {
    await interaction.editReply({ content: p.content ?? '', embeds: p.embeds ?? [], components: p.components ?? [], allowedMentions: NO_MENTIONS });
  } else {
    await interaction.reply({ ...p, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  }
}

/** Updates the message a button is on (or edits it after a deferUpdate). */
export async function update(interaction: ButtonInteraction, r: Reply): Promise<void> {
  const q = payload(r);
  await answering(interaction);
  const p = { content: q.content ?? '', embeds: q.embeds ?? [], components: q.components ?? [], allowedMentions: NO_MENTIONS };
  if (interaction.deferred || interaction.replied) await interaction.editReply(p);
  else await interaction.update(p);
}

/**
 * A short message only the user sees, whatever state the interaction is in: a first reply, the edit of
 * an ephemeral deferral, or an ephemeral follow-up (removing a public "thinking…" placeholder).
 */
export async function tell(interaction: Interaction, content: string): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  await answering(interaction);
  const body = { content: fitContent(content), allowedMentions: NO_MENTIONS };
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
    return;
  }
  const ephemeralDeferral = interaction.deferred && !interaction.replied && interaction.ephemeral === true;
  if (ephemeralDeferral) {
    await interaction.editReply({ ...body, embeds: [], components: [] });
    return;
  }
  // A public "is thinking…" placeholder from deferReply would otherwise stay forever.
  const placeholder = interaction.isChatInputCommand() && interaction.deferred && !interaction.replied;
  await interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
  if (placeholder) await interaction.deleteReply().catch(() => {});
}

/**
 * The current index; when it is still loading, first acknowledges the interaction (deferReply, or
 * deferUpdate for a button that will update its own message) so the 3-second deadline is met. With
 * the index there, the same deferral waits for DEFER_AFTER_MS, in case the answer is slow.
 */
export async function indexFor(interaction: Repliable, ctx: BotContext, how: { ephemeral?: boolean; updateMessage?: boolean } = {}): Promise<SearchIndex> {
  const now = ctx.index();
  if (now) {
    deferIfSlow(interaction, how);
    return now;
  }
  await answering(interaction);
  if (!interaction.deferred && !interaction.replied) await defer(interaction, how);
  return ctx.ready;
}
