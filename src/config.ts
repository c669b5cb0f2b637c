// The settings read from the environment, checked once at start: a typo such as LOG_LEVEL=loud stops the
// program with a message naming the variable and what it accepts, instead of being silently ignored.

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

interface Rule {
  /** What the variable accepts, as shown in the error. */
  allowed: string;
  valid(value: string): boolean;
}

const wholeNumber = (min: number, max: number) => (v: string) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max;

const RULES: Record<string, Rule> = {
  INDEX_WORKERS: { allowed: 'a whole number 0 or more (0 = index in the main thread); unset for the default', valid: wholeNumber(0, 1024) },
  LOG_LEVEL: { allowed: `one of ${LOG_LEVELS.join(', ')}`, valid: (v) => (LOG_LEVELS as readonly string[]).includes(v) },
  HEALTH_PORT: { allowed: 'a port number from 0 to 65535 (0 = any free port); unset for no health server', valid: wholeNumber(0, 65535) },
  HEALTH_HOST: { allowed: 'an address or host name to listen on, e.g. 127.0.0.1 or 0.0.0.0', valid: (v) => /^[\w.:-]+$/.test(v) },
  DISCORD_API_URL: { allowed: 'an http(s) URL such as https://discord.com/api', valid: (v) => /^https?:\/\/[^\s/]+/.test(v) },
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The value of `name`, trimmed; empty counts as unset. */
const read = (env: NodeJS.ProcessEnv, name: string): string | undefined => env[name]?.trim() || undefined;

/** Throws one ConfigError listing every variable that is set to something it does not accept. */
export function checkEnv(env: NodeJS.ProcessEnv = process.env): void {
  const problems = Object.entries(RULES).flatMap(([name, rule]) => {
    const value = read(env, name);
    return value === undefined || rule.valid(value) ? [] : [`${name}=${JSON.stringify(value)} is not valid: use ${rule.allowed}.`];
  });
  if (problems.length) throw new ConfigError(problems.join('\n'));
}

/** LOG_LEVEL, or info when unset (call checkEnv first: an invalid value falls back to info here). */
export function logLevel(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const v = read(env, 'LOG_LEVEL');
  return v && (LOG_LEVELS as readonly string[]).includes(v) ? (v as LogLevel) : 'info';
}

/** Where the health and metrics server listens, or undefined when HEALTH_PORT is unset. */
export function healthAddress(env: NodeJS.ProcessEnv = process.env): { port: number; host: string } | undefined {
  const port = read(env, 'HEALTH_PORT');
  if (port === undefined) return undefined;
  return { port: Number(port), host: read(env, 'HEALTH_HOST') ?? '127.0.0.1' };
}
