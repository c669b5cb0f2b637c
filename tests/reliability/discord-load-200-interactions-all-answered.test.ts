// Load: 200 slash commands from 200 different users (so the per-user cooldown, left on, never bites)
// through the fake Discord within 10 s — 150 at a steady rate, then a burst of 50 at once. Every one
// must get its answer within Discord's 3 s callback deadline (the fake answers 10062 after that).
// Latency (dispatch → callback) is printed, not asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoMentionsEverywhere, startHarness, textOf, type Harness } from '../bot/harness.ts';
import type { SentInteraction } from '../bot/fake-discord.ts';
import { seedIndex } from '../helpers.ts';

const ASKS: [string, string, (text: string) => boolean][] = [
  ['who', 'is the State Department spokesperson', (t) => t.includes('Matthew Miller')],
  ['when', 'was the Azm-i-Istehkam operation launched', (t) => /20\d\d/.test(t)],
  ['quote', 'diplomatic efforts', (t) => t.includes('Diplomatic efforts')],
  ['search', 'terrorism', (t) => /terror/i.test(t)],
  ['sources', '', (t) => t.includes('Indexed articles')],
];

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ index: await seedIndex() });
});

afterAll(async () => {
  await h?.stop();
});

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

describe('200 interactions within 10 s', () => {
  it('are all answered, correctly, each within the 3 s deadline', async () => {
    const sent: { s: SentInteraction; check: (t: string) => boolean; label: string }[] = [];
    const fire = (i: number) => {
      const [command, query, check] = ASKS[i % ASKS.length];
      sent.push({ s: h.fake.sendCommand(command, query ? { query } : {}), check, label: `#${i} /${command}` });
    };
    const t0 = Date.now();
    // 150 at a steady 40 per second…
    for (let i = 0; i < 150; i++) {
      fire(i);
      await new Promise((r) => setTimeout(r, 25));
    }
    // …then 50 in one burst.
    for (let i = 150; i < 200; i++) fire(i);

    const data = await Promise.all(sent.map((x) => x.s.response(15_000)));
    const done = Date.now() - t0;
    data.forEach((d, i) => {
      const text = textOf(d);
      expect(sent[i].check(text), `${sent[i].label}: ${text.slice(0, 200)}`).toBe(true);
      expect(text).not.toMatch(/something went wrong|please wait|cooldown/i);
    });
    const latencies = sent.map((x) => x.s.requests().find((r) => r.path.endsWith('/callback'))!.latencyMs!).sort((a, b) => a - b);
    expect(latencies).toHaveLength(200);
    expect(latencies.every((l) => l < 3000)).toBe(true);
    // The per-interaction log line is written just after the reply is sent.
    await h.fake.waitUntil(() => (h.logs.filter((l) => l.msg === 'interaction').length >= 200 ? true : undefined), 5_000, '200 log lines');
    const statuses = h.logs.filter((l) => l.msg === 'interaction').map((l) => l.status);
    expect(statuses.filter((s) => s === 'ok')).toHaveLength(200);
    expectNoMentionsEverywhere(h.fake);
    console.log(`load: 200/200 answered; all replies in ${done} ms; callback latency p50 ${pct(latencies, 50)} ms, p99 ${pct(latencies, 99)} ms, max ${latencies.at(-1)} ms`);
  }, 60_000);
});
