// Every message the bot sends goes through here: no mentions ever, ephemeral where asked, and a deferral
// when the index is still loading so Discord's 3-second deadline is always met.
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
  if (interaction.deferred || interaction.replied) {
    await interaction.editReply({ content: p.content ?? '', embeds: p.embeds ?? [], components: p.components ?? [], allowedMentions: NO_MENTIONS });
  } else {
    await interaction.reply({ ...p, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  }
}

/** Updates the message a button is on (or edits it after a deferUpdate). */
export async function update(interaction: ButtonInteraction, r: Reply): Promise<void> {
  const q = payload(r);
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
 * deferUpdate for a button that will update its own message) so the 3-second deadline is met.
 */
export async function indexFor(
  interaction: Repliable,
  ctx: BotContext,
  how: { ephemeral?: boolean; updateMessage?: boolean } = {},
): Promise<SearchIndex> {
  const now = ctx.index();
  if (now) return now;
  if (!interaction.deferred && !interaction.replied) {
    if (how.updateMessage && interaction.isButton()) await interaction.deferUpdate();
    else await interaction.deferReply(how.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  }
  return ctx.ready;
}
