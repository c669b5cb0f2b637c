import { mkdtempSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS } from '../helpers.ts';
import { runScript } from './run.ts';

describe('batch mode (npm run ask -- --json)', () => {
  it('prints one JSON object per input line, in order, and nothing else on stdout', async () => {
    const lines = ['/who is the State Department spokesperson', '/frobnicate everything', '/when', '/quote cricket match result'];
    const { code, stdout } = await runScript('src/cli/ask.ts', ['--json'], `${lines.join('\n')}\n`);
    expect(code).toBe(0);
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.ask)).toEqual(lines);
    expect(out[0].command).toBe('who');
    expect(out[0].answers[0]).toMatchObject({ answer: 'Matthew Miller', source: { file: expect.stringMatching(/^00[01]_/) } });
    expect(out[1].error).toMatch(/Unknown command "frobnicate"/);
    expect(out[2].error).toMatch(/empty/);
    expect(out[3]).toEqual({ ask: lines[3], command: 'quote', answers: [] });
  });

  it('skips a bad corpus file with a warning naming it and answers from the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-batch-'));
    copyFileSync(join(SEEDS, '001_4c37596a6a6b1c86.txt'), join(dir, '001.txt'));
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0, 1, 2, 0, 255, 0, 7, 0]));
    const { code, stdout, stderr } = await runScript('src/cli/ask.ts', ['--json', '--corpus', dir], '/who is the State Department spokesperson\n');
    expect(code).toBe(0);
    expect(stderr).toContain('broken.txt');
    expect(stderr).toMatch(/^1 article indexed \(\d+ sentences\), 1 file skipped; built$/m);
    expect(JSON.parse(stdout).answers[0].answer).toBe('Matthew Miller');
  });

  it('fails clearly when the corpus folder does not exist', async () => {
    const { code, stdout, stderr } = await runScript('src/cli/ask.ts', ['--json', '--corpus', '/nonexistent/folder'], '/who is x\n');
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('/nonexistent/folder');
  });
});

describe('batch mode over a corpus with a MANIFEST.tsv', () => {
  it('cites each answer with its article URL, and a manifest change reaches a cached index', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-manifest-'));
    const cache = join(dir, '.cache');
    try {
      copyFileSync(join(SEEDS, '001_4c37596a6a6b1c86.txt'), join(dir, '001.txt'));
      const ask = async () =>
        JSON.parse((await runScript('src/cli/ask.ts', ['--json', '--corpus', dir], '/who is the State Department spokesperson\n', { INDEX_CACHE_DIR: cache })).stdout);
      expect((await ask()).answers[0].source.url).toBeUndefined();
      writeFileSync(join(dir, 'MANIFEST.tsv'), 'file\tsource\n001.txt\thttps://news.example.org/2024/06/us-support\n');
      const out = await ask();
      expect(out.answers[0]).toMatchObject({ answer: 'Matthew Miller', source: { file: '001.txt', url: 'https://news.example.org/2024/06/us-support' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
