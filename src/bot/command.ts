// The contract every file in commands/ satisfies (discord.js-guide style: `export default { data, execute }`):
// `satisfies Command` for a slash command, `satisfies Command<'message'>` for a message context-menu command.
import {
  ApplicationCommandType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { SearchIndex } from '../engine/index.ts';
import type { Logger } from './log.ts';

/** What commands get besides the interaction: the current index (it may still be loading, or be swapped by a re-index). */
export interface BotContext {
  /** The index now, or undefined while it is loading. */
  index(): SearchIndex | undefined;
  /** Resolves with the current index once one is loaded (rejects if loading failed). */
  readonly ready: Promise<SearchIndex>;
  readonly log: Logger;
}

export type CommandKind = 'slash' | 'message';

interface KindTypes {
  slash: { body: RESTPostAPIChatInputApplicationCommandsJSONBody; interaction: ChatInputCommandInteraction };
  message: { body: RESTPostAPIContextMenuApplicationCommandsJSONBody; interaction: MessageContextMenuCommandInteraction };
}

/** Anything that builds the command: `SlashCommandBuilder` and its variants, or `ContextMenuCommandBuilder`. */
export interface CommandData<K extends CommandKind = 'slash'> {
  readonly name: string;
  toJSON(): KindTypes[K]['body'];
}

/** Filled in by a command so the per-interaction log line can say how many answers it gave. */
export interface Outcome {
  answers?: number;
}

export interface Command<K extends CommandKind = 'slash'> {
  data: CommandData<K>;
  /** Per-user cooldown in seconds (default COOLDOWN_SECONDS). 0 = none. */
  cooldown?: number;
  execute(interaction: KindTypes[K]['interaction'], ctx: BotContext, outcome: Outcome): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /** Handles a press of a button whose customId starts with `${data.name}:`. */
  button?(interaction: ButtonInteraction, ctx: BotContext, outcome: Outcome): Promise<void>;
}

/** A slash or a context-menu command, as the loader holds them. */
export type AnyCommand = Command<'slash'> | Command<'message'>;

/** Type guard used by the loader. */
export function isCommand(x: unknown): x is AnyCommand {
  const c = x as AnyCommand | undefined;
  return !!c && typeof c === 'object' && typeof c.execute === 'function' && !!c.data && typeof c.data.name === 'string' && typeof c.data.toJSON === 'function';
}

const kinds = new WeakMap<AnyCommand, CommandKind>();

/** Which kind `cmd` is, read once from the JSON it registers (a context-menu body has `type` 3). */
export function commandKind(cmd: AnyCommand): CommandKind {
  let kind = kinds.get(cmd);
  if (!kind) {
    kind = cmd.data.toJSON().type === ApplicationCommandType.Message ? 'message' : 'slash';
    kinds.set(cmd, kind);
  }
  return kind;
}

export const isMessageCommand = (cmd: AnyCommand): cmd is Command<'message'> => commandKind(cmd) === 'message';
export const isSlashCommand = (cmd: AnyCommand): cmd is Command<'slash'> => commandKind(cmd) === 'slash';
