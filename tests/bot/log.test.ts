// The pino logger keeps the line shape the bot always had ({level, time, msg, ...fields}) and never
// writes a secret, by value or by field name.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/bot/log.ts';

const capture = (level?: 'debug' | 'info' | 'warn' | 'error', secrets: string[] = []) => {
  const lines: string[] = [];
  return { lines, log: createLogger({ level, secrets, write: (l) => lines.push(l) }) };
};

describe('createLogger', () => {
  it('writes one JSON object per line with the level as a word, an ISO time, msg and the fields', () => {
    const { lines, log } = capture();
    log.info('interaction', { command: 'who', status: 'ok', latency_ms: 4.2, answers: null });
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith('\n')).toBe(false);
    const line = JSON.parse(lines[0]);
    expect(line).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      msg: 'interaction',
      command: 'who',
      status: 'ok',
      latency_ms: 4.2,
      answers: null,
    });
  });

  it('drops lines below its level (LOG_LEVEL)', () => {
    const { lines, log } = capture('warn');
    log.debug('a');
    log.info('b');
    log.warn('c');
    log.error('d');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['c', 'd']);
  });

  it('replaces a secret wherever its text appears, and censors fields named like one', () => {
    const token = 'MTIz.secret-token.value';
    const { lines, log } = capture('debug', [token]);
    log.error('login failed', { error: `401 for ${token}`, nested: { note: token } });
    log.info('request', { token: 'other', headers: { authorization: 'Bot abc' } });
    expect(lines.join('\n')).not.toContain(token);
    expect(JSON.parse(lines[0])).toMatchObject({ error: '401 for [redacted]', nested: { note: '[redacted]' } });
    expect(JSON.parse(lines[1])).toMatchObject({ token: '[redacted]', headers: { authorization: '[redacted]' } });
  });

  it('survives fields it cannot serialise plainly', () => {
    const { lines, log } = capture();
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    log.warn('odd', { loop, big: 10n });
    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'odd', big: 10 });
  });
});
