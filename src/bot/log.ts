// Structured logs through pino: one JSON object per line on stderr, `{level, time, msg, ...fields}` with the
// level as a word and the time in ISO 8601. Never pass the token or query text at info level.
import { pino } from 'pino';
import { logLevel, type LogLevel } from '../config.ts';

export type Level = LogLevel;

export type Logger = {
  [L in Level]: (msg: string, fields?: Record<string, unknown>) => void;
};

/** Turns an error into loggable fields (message, name, stack) without anything else it may carry. */
export function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { error: err.message, error_name: err.name, ...(code !== undefined ? { code } : {}), stack: err.stack };
  }
  return { error: String(err) };
}

/** Field names whose values are never written, wherever they appear one level deep. */
const SECRET_KEYS = ['token', 'authorization', 'password', 'DISCORD_TOKEN', 'DATABASE_URL'];

/**
 * A JSON-lines logger. `level` defaults to `LOG_LEVEL` or info; `write` gets each line without its
 * newline (default: stderr). Fields named like a secret are censored by pino; any text equal to one of
 * `secrets` is replaced by "[redacted]" in the finished line as a last line of defence.
 */
export function createLogger(opts: { level?: Level; write?: (line: string) => void; secrets?: string[] } = {}): Logger {
  const write = opts.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const secrets = (opts.secrets ?? []).filter((s) => s.length >= 8);
  const redact = (s: string) => secrets.reduce((acc, secret) => acc.split(secret).join('[redacted]'), s);
  const logger = pino(
    {
      level: opts.level ?? logLevel(),
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: SECRET_KEYS.flatMap((k) => [k, `*.${k}`]), censor: '[redacted]' },
    },
    { write: (line: string) => write(redact(line.replace(/\n$/, ''))) },
  );
  const emit =
    (level: Level) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      logger[level](fields, msg);
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
