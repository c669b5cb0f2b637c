// Settings are checked at start: a bad value stops `npm start` and `npm run ask` before any work, naming
// the variable and what it accepts.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { checkEnv, ConfigError, healthAddress, logLevel } from '../src/config.ts';

const ROOT = resolve('.');

/** Runs an entry point as a real process, without the checked variables of this environment, plus `env`. */
function run(entry: string, env: Record<string, string>) {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_') && !['LOG_LEVEL', 'INDEX_WORKERS', 'HEALTH_PORT', 'HEALTH_HOST'].includes(k)),
  );
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, entry)], { cwd: ROOT, env: { ...base, ...env }, input: '', encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('checkEnv', () => {
  it('accepts unset, empty and valid values', () => {
    expect(() => checkEnv({})).not.toThrow();
    expect(() => checkEnv({ INDEX_WORKERS: '', LOG_LEVEL: ' ', HEALTH_PORT: '' })).not.toThrow();
    expect(() => checkEnv({ INDEX_WORKERS: '0', LOG_LEVEL: 'debug', HEALTH_PORT: '9464', HEALTH_HOST: '0.0.0.0', DISCORD_API_URL: 'http://127.0.0.1:1/api' })).not.toThrow();
  });

  it.each([
    ['INDEX_WORKERS', 'banana', 'a whole number 0 or more'],
    ['INDEX_WORKERS', '-1', 'a whole number 0 or more'],
    ['INDEX_WORKERS', '1.5', 'a whole number 0 or more'],
    ['LOG_LEVEL', 'loud', 'one of debug, info, warn, error'],
    ['HEALTH_PORT', 'x', 'a port number from 0 to 65535'],
    ['HEALTH_PORT', '70000', 'a port number from 0 to 65535'],
    ['HEALTH_HOST', 'local host', 'an address or host name'],
    ['DISCORD_API_URL', 'discord.com/api', 'an http(s) URL'],
  ])('%s=%s is refused, naming the variable and the values allowed', (name, value, allowed) => {
    let err: unknown;
    try {
      checkEnv({ [name]: value });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message.startsWith(`${name}=${JSON.stringify(value)} is not valid: use ${allowed}`)).toBe(true);
  });

  it('reports every bad variable at once', () => {
    expect(() => checkEnv({ INDEX_WORKERS: 'banana', LOG_LEVEL: 'loud', HEALTH_PORT: 'x' })).toThrow(/INDEX_WORKERS="banana"[^\n]*\nLOG_LEVEL="loud"[^\n]*\nHEALTH_PORT="x"/);
  });

  it('reads the health address and the log level', () => {
    expect(healthAddress({})).toBeUndefined();
    expect(healthAddress({ HEALTH_PORT: '9464' })).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(healthAddress({ HEALTH_PORT: '9464', HEALTH_HOST: '0.0.0.0' })).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(logLevel({})).toBe('info');
    expect(logLevel({ LOG_LEVEL: 'warn' })).toBe('warn');
  });
});

describe('the programs stop at start on a bad setting', () => {
  it.each([
    ['INDEX_WORKERS', 'banana', /INDEX_WORKERS="banana" is not valid: use a whole number 0 or more/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud" is not valid: use one of debug, info, warn, error\./],
    ['HEALTH_PORT', 'x', /HEALTH_PORT="x" is not valid: use a port number from 0 to 65535/],
  ])(
    'npm start with %s=%s exits 1 with the error',
    (name, value, message) => {
      const r = run('src/main.ts', { [name]: value });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^newsdesk: ${message.source}`));
      expect(r.stderr).not.toContain('starting the local REPL');
      expect(r.stdout).toBe('');
    },
    60_000,
  );

  it('npm run ask with INDEX_WORKERS=banana exits 1 with the error, and prints no JSON', () => {
    const r = run('src/cli/ask.ts', { INDEX_WORKERS: 'banana' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ask: INDEX_WORKERS="banana" is not valid/);
    expect(r.stdout).toBe('');
  }, 60_000);
});
