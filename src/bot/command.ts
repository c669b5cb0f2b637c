// The contract every file in commands/ satisfies (discord.js-guide style: `export default { data, execute }`).
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
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

/** Anything that builds a slash command: `SlashCommandBuilder` and its option-adding variants. */
export interface CommandData {
  readonly name: string;
  toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody;
}

/** Filled in by a command so the per-interaction log line can say how many answers it gave. */
export interface Outcome {
  answers?: number;
}

export interface Command {
  data: CommandData;
  /** Per-user cooldown in seconds (default COOLDOWN_SECONDS). 0 = none. */
  cooldown?: number;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext, outcome: Outcome): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /** Handles a press of a button whose customId starts with `${data.name}:`. */
  button?(interaction: ButtonInteraction, ctx: BotContext, outcome: Outcome): Promise<void>;
}

/** Type guard used by the loader. */
export function isCommand(x: unknown): x is Command {
  const c = x as Command | undefined;
  return !!c && typeof c === 'object' && typeof c.execute === 'function' && !!c.data && typeof c.data.name === 'string' && typeof c.data.toJSON === 'function';
}
