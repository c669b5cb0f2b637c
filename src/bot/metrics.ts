// What the bot counts for /metrics (Prometheus text via prom-client). One registry per bot, not the
// library's global one, so several bots in one process (the tests) keep separate counts.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SearchIndex } from '../engine/index.ts';

export interface Metrics {
  readonly registry: Registry;
  /** One interaction handled: `kind` is command, message, autocomplete or button. */
  interaction(command: string, kind: string, status: string, seconds: number): void;
  reconnect(): void;
  /** A vote counted (`previous` is the vote it replaced, if any). */
  vote(command: string, vote: string, previous?: string): void;
}

/** Latency buckets in seconds, around Discord's 3 s deadline for a first reply. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5, 10];

export function createMetrics(index: () => SearchIndex | undefined): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const interactions = new Counter({
    name: 'newsdesk_interactions_total',
    help: 'Interactions handled, by command, kind and status',
    labelNames: ['command', 'kind', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'newsdesk_answer_latency_seconds',
    help: 'Time from receiving an interaction to having answered it, by command and kind (autocomplete excluded)',
    labelNames: ['command', 'kind'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const reconnects = new Counter({ name: 'newsdesk_gateway_reconnects_total', help: 'Gateway connections lost and re-opened', registers: [registry] });
  const votes = new Gauge({
    name: 'newsdesk_feedback_votes',
    help: 'Standing feedback votes on answers, by command and vote (a changed vote moves from one to the other)',
    labelNames: ['command', 'vote'] as const,
    registers: [registry],
  });
  const replaced = new Counter({
    name: 'newsdesk_feedback_votes_replaced_total',
    help: 'Votes that replaced the same user’s earlier vote on the same answer',
    registers: [registry],
  });
  new Gauge({
    name: 'newsdesk_articles_indexed',
    help: 'Articles in the index now being served',
    registers: [registry],
    collect() {
      this.set(index()?.docs.length ?? 0);
    },
  });
  new Gauge({
    name: 'newsdesk_sentences_indexed',
    help: 'Sentences in the index now being served',
    registers: [registry],
    collect() {
      this.set(index()?.sentences.length ?? 0);
    },
  });
  return {
    registry,
    interaction(command, kind, status, seconds) {
      interactions.inc({ command, kind, status });
      if (kind !== 'autocomplete') latency.observe({ command, kind }, seconds);
    },
    reconnect: () => reconnects.inc(),
    vote(command, vote, previous) {
      if (previous === vote) return;
      if (previous) {
        votes.dec({ command, vote: previous });
        replaced.inc();
      }
      votes.inc({ command, vote });
    },
  };
}
