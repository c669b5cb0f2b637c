// HEALTH_PORT's server with the real client against the fake Discord: /healthz follows the gateway and
// the index, /metrics carries what operators graph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../src/engine/index.ts';
import { openIndex } from '../../src/app/index.ts';
import { createContext } from '../../src/bot/context.ts';
import { startHarness, type Harness } from './harness.ts';

let seedIndex: SearchIndex;
let h: Harness;

const get = async (h: Harness, path: string) => {
  const res = await fetch(`http://127.0.0.1:${h.bot.health!.port}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

/** Polls /healthz until it answers `want` (or 5 s pass) and returns the last status seen. */
const pollStatus = async (h: Harness, want: number): Promise<number> => {
  let status = 0;
  for (let i = 0; i < 100 && status !== want; i++) {
    status = (await get(h, '/healthz')).status;
    if (status !== want) await new Promise((r) => setTimeout(r, 50));
  }
  return status;
};

/** The value of one sample line of the Prometheus text, e.g. `newsdesk_interactions_total{…}`. */
const sample = (text: string, prefix: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${prefix} `));
  return line === undefined ? undefined : Number(line.slice(prefix.length + 1));
};

beforeAll(async () => {
  seedIndex = await openIndex({ corpusDir: 'seeds' });
  h = await startHarness({ index: seedIndex, health: { port: 0 } });
});

afterAll(async () => {
  await h?.stop();
});

describe('GET /healthz', () => {
  it('is 200 with a small JSON body once the gateway is ready and the index loaded', async () => {
    expect(h.bot.health!.host).toBe('127.0.0.1');
    const r = await get(h, '/healthz');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/json');
    const body = JSON.parse(r.text);
    expect(body).toMatchObject({ status: 'ok', gateway: 'ready', index: 'loaded', articles: 5, sentences: seedIndex.sentences.length });
    expect(r.text.length).toBeLessThan(200);
  });

  it('is 503 while the index is still loading, and 200 once it is in', async () => {
    let load!: (i: SearchIndex) => void;
    const ctx = createContext(new Promise<SearchIndex>((resolve) => (load = resolve)));
    const loading = await startHarness({ ctx, health: { port: 0 } });
    try {
      const before = await get(loading, '/healthz');
      expect(before.status).toBe(503);
      expect(JSON.parse(before.text)).toMatchObject({ status: 'unavailable', gateway: 'ready', index: 'loading' });
      load(seedIndex);
      await ctx.ready;
      expect((await get(loading, '/healthz')).status).toBe(200);
    } finally {
      await loading.stop();
    }
  });

  it('is 503 while the gateway session is lost and not yet re-identified, and 200 once READY comes back', async () => {
    const g = await startHarness({
      index: seedIndex,
      health: { port: 0 },
      clientOptions: { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } as never },
    });
    try {
      expect((await get(g, '/healthz')).status).toBe(200);
      g.fake.sendReadyOnIdentify = false;
      const identified = g.fake.waitForGateway(2);
      g.fake.invalidateSession(false);
      await identified;
      const lost = await get(g, '/healthz');
      expect(lost.status).toBe(503);
      expect(JSON.parse(lost.text)).toMatchObject({ status: 'unavailable', gateway: 'not ready', index: 'loaded' });
      g.fake.sendReadyOnIdentify = true;
      const again = g.fake.waitForReady(1);
      g.fake.closeGateway(4000);
      await again;
      const back = await pollStatus(g, 200);
      expect(back).toBe(200);
    } finally {
      await g.stop();
    }
  });

  it('answers unknown paths with 404 and other methods with 405', async () => {
    expect((await get(h, '/')).status).toBe(404);
    const res = await fetch(`http://127.0.0.1:${h.bot.health!.port}/healthz`, { method: 'POST' });
    expect(res.status).toBe(405);
  });

  it('nothing listens without the option (HEALTH_PORT unset)', async () => {
    const plain = await startHarness({ index: seedIndex });
    try {
      expect(plain.bot.health).toBeUndefined();
    } finally {
      await plain.stop();
    }
  });
});

describe('GET /metrics', () => {
  it('counts interactions by command and status, with a latency histogram', async () => {
    const ok = await h.fake.sendCommand('who', { query: 'is the State Department spokesperson' }).response();
    expect(ok.embeds[0].title).toBe('Matthew Miller');
    await h.fake.sendCommand('help').response();
    await h.fake.sendCommand('who', { query: '' }).response(); // a query error
    await h.fake.waitUntil(() => (h.logs.filter((l) => l.msg === 'interaction').length >= 3 ? true : undefined));

    const r = await get(h, '/metrics');
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/plain');
    const m = r.text;
    expect(m).toContain('# TYPE newsdesk_interactions_total counter');
    expect(sample(m, 'newsdesk_interactions_total{command="who",kind="command",status="ok"}')).toBe(1);
    expect(sample(m, 'newsdesk_interactions_total{command="help",kind="command",status="ok"}')).toBe(1);
    expect(sample(m, 'newsdesk_interactions_total{command="who",kind="command",status="query_error"}')).toBe(1);
    expect(m).toContain('# TYPE newsdesk_answer_latency_seconds histogram');
    expect(sample(m, 'newsdesk_answer_latency_seconds_count{command="who",kind="command"}')).toBe(2);
    expect(sample(m, 'newsdesk_answer_latency_seconds_bucket{le="+Inf",command="who",kind="command"}')).toBe(2);
    expect(sample(m, 'newsdesk_answer_latency_seconds_sum{command="who",kind="command"}')).toBeGreaterThan(0);
    expect(sample(m, 'newsdesk_articles_indexed')).toBe(5);
    expect(sample(m, 'newsdesk_sentences_indexed')).toBe(seedIndex.sentences.length);
    // The default process metrics.
    expect(m).toContain('process_cpu_user_seconds_total');
    expect(m).toContain('nodejs_eventloop_lag_seconds');
    expect(m).not.toContain(h.fake.token);
  });

  it('counts gateway reconnects, and /healthz is 200 again after the resume', async () => {
    const before = sample((await get(h, '/metrics')).text, 'newsdesk_gateway_reconnects_total');
    expect(before).toBe(0);
    const resumed = h.fake.waitForGateway(6);
    h.fake.closeGateway(4000);
    await resumed;
    expect(sample((await get(h, '/metrics')).text, 'newsdesk_gateway_reconnects_total')).toBe(1);
    const data = await h.fake.sendCommand('sources').response(); // answered after the RESUMED dispatch
    expect(data.embeds[0].title).toBe('Indexed articles (5)');
    expect((await get(h, '/healthz')).status).toBe(200);
  });
});
