import { describe, expect, it } from 'vitest';
import { runScript } from './run.ts';

describe('the REPL (npm start without DISCORD_TOKEN)', () => {
  it('answers piped commands with citations, explains bad ones and stops at /quit', async () => {
    const input = ['/help', '/who is the State Department spokesperson', '/nonsense', '/quit', '/who is never reached'].join('\n');
    const { code, stdout, stderr } = await runScript('src/main.ts', [], `${input}\n`);
    expect(code).toBe(0);
    expect(stderr).toContain('starting the local REPL');
    expect(stdout).toContain('/quote <words>');
    expect(stdout).toMatch(/1\. Matthew Miller[\s\S]*source: 00[01]_\w+\.txt · .+ · 2024-06-2\d/);
    expect(stdout).toContain('Unknown command "nonsense"');
    expect(stdout).not.toContain('never reached');
  });

  it('says plainly when the corpus has no answer, and ends cleanly at EOF', async () => {
    const { code, stdout } = await runScript('src/main.ts', [], '/who won the football world cup');
    expect(code).toBe(0);
    expect(stdout).toContain('No answer in the corpus');
  });
});
