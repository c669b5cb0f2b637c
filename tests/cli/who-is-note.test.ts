import { describe, expect, it } from 'vitest';
import { replyTo } from '../../src/cli/repl.ts';
import { seedIndex } from '../helpers.ts';
import { runScript } from './run.ts';

describe('"mentioned, not described" in the shells', () => {
  it('the REPL says it in words instead of "no answer"', async () => {
    const index = await seedIndex();
    expect(await replyTo(index, '/who is Imran Khan')).toBe('Imran Khan: mentioned in 1 article, not described.');
    expect(await replyTo(index, '/who is Masood Khan')).toMatch(/^1\. Masood Khan, Pakistan's Ambassador to the United States/);
  });

  it('batch mode keeps answers: [] and adds the note', async () => {
    const { code, stdout } = await runScript('src/cli/ask.ts', ['--json'], '/who is Imran Khan\n/who is Masood Khan\n');
    expect(code).toBe(0);
    const [none, some] = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(none).toEqual({ ask: '/who is Imran Khan', command: 'who', answers: [], note: 'Imran Khan: mentioned in 1 article, not described.' });
    expect(some.answers[0].answer).toMatch(/^Masood Khan, /);
    expect(some.note).toBeUndefined();
  });
});
