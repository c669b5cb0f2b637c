// Per-user, per-command cooldowns (the discord.js guide's pattern).

/** Default seconds between two uses of the same command by the same user. */
export const COOLDOWN_SECONDS = 3;

export class Cooldowns {
  private readonly until = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Records a use of `command` by `userId` and returns 0, or — when the user is still cooling down —
   * the milliseconds left (the use is then not recorded).
   */
  hit(userId: string, command: string, seconds: number): number {
    if (seconds <= 0) return 0;
    const key = `${userId}:${command}`;
    const t = this.now();
    const until = this.until.get(key) ?? 0;
    if (until > t) return until - t;
    this.until.set(key, t + seconds * 1000);
    if (this.until.size > 10_000) for (const [k, u] of this.until) if (u <= t) this.until.delete(k);
    return 0;
  }
}

export const cooldownMessage = (command: string, leftMs: number): string => {
  const s = Math.max(1, Math.ceil(leftMs / 1000));
  return `You're going a little fast — please wait ${s} second${s === 1 ? '' : 's'} before using \`/${command}\` again.`;
};
