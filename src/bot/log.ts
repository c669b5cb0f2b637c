// Structured logs: one JSON object per line on stderr. Never pass the token or query text at info level.
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

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

/**
 * A JSON-lines logger. `level` defaults to `LOG_LEVEL` or info; `write` defaults to stderr. Any string
 * value equal to one of `secrets` is replaced by "[redacted]" as a last line of defence.
 */
export function createLogger(opts: { level?: Level; write?: (line: string) => void; secrets?: string[] } = {}): Logger {
  const envLevel = process.env.LOG_LEVEL as Level | undefined;
  const min = ORDER[opts.level ?? (envLevel && envLevel in ORDER ? envLevel : 'info')];
  const write = opts.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const secrets = (opts.secrets ?? []).filter((s) => s.length >= 8);
  const redact = (s: string) => secrets.reduce((acc, secret) => acc.split(secret).join('[redacted]'), s);
  const emit = (level: Level) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < min) return;
    let line: string;
    try {
      line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
    } catch {
      line = JSON.stringify({ time: new Date().toISOString(), level, msg, note: 'unserialisable fields' });
    }
    write(redact(line));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
