// 👍/👎 under answers. A vote is logged as command, a hash of the query, the answer's rank and the vote —
// never who voted. Each user has one vote per answer: voting again replaces it (kept in memory, so a
// restart forgets who voted what but not the log lines already written).
import { createHash } from 'node:crypto';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type ButtonInteraction } from 'discord.js';
import { feedbackId, type Vote } from './buttons.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import { tell } from './respond.ts';

const EMOJI: Record<Vote, string> = { up: '👍', down: '👎' };

/** The same question in other spacing or case hashes the same; 12 hex digits keep the button id short. */
export function queryHash(query: string): string {
  return createHash('sha256').update(query.trim().replace(/\s+/g, ' ').toLowerCase()).digest('hex').slice(0, 12);
}

/** A row per answer rank: its 👍 and its 👎 (at most three ranks on a page, so within Discord's five rows). */
export function feedbackRows(command: string, query: string, ranks: number[]) {
  const hash = queryHash(query);
  const one = ranks.length === 1;
  return ranks.map((rank) =>
    new ActionRowBuilder<ButtonBuilder>()
      .addComponents(
        (['up', 'down'] as const).map((vote) =>
          new ButtonBuilder()
            .setCustomId(feedbackId(command, rank, vote, hash))
            .setStyle(ButtonStyle.Secondary)
            .setEmoji(EMOJI[vote])
            .setLabel(one ? (vote === 'up' ? 'Helpful' : 'Not helpful') : String(rank)),
        ),
      )
      .toJSON(),
  );
}

/** Who voted what on which answer, bounded: the oldest entries go first. */
export class Votes {
  private readonly map = new Map<string, Vote>();
  constructor(private readonly cap = 20_000) {}

  /** Records `vote` and returns the vote it replaces, if any. */
  cast(key: string, vote: Vote): Vote | undefined {
    const previous = this.map.get(key);
    this.map.delete(key);
    this.map.set(key, vote);
    if (this.map.size > this.cap) this.map.delete(this.map.keys().next().value as string);
    return previous;
  }
}

export async function handleFeedback(
  interaction: ButtonInteraction,
  action: { command: string; rank: number; vote: Vote; queryHash: string },
  deps: { votes: Votes; metrics: Metrics; log: Logger },
): Promise<void> {
  const { command, rank, vote } = action;
  // The answer is the message plus the rank on it; the key stays in memory and is never logged.
  const previous = deps.votes.cast(`${interaction.message.id}:${rank}:${interaction.user.id}`, vote);
  deps.metrics.vote(command, vote, previous);
  deps.log.info('feedback', { command, query_hash: action.queryHash, rank, vote, ...(previous ? { replaced: previous } : {}) });
  const text =
    previous === vote
      ? `You already voted ${EMOJI[vote]} on answer ${rank}.`
      : previous
        ? `Changed your vote on answer ${rank} to ${EMOJI[vote]}.`
        : `Thanks — your ${EMOJI[vote]} on answer ${rank} is recorded.`;
  await tell(interaction, text);
}
