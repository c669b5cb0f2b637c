// The operators' HTTP endpoints, only when HEALTH_PORT is set: GET /healthz (200 when the gateway is
// ready and the index loaded, else 503) and GET /metrics (Prometheus text).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface HealthState {
  /** The gateway connection is up and identified (or resumed). */
  gateway: boolean;
  /** Articles and sentences of the loaded index, or undefined while it loads. */
  index?: { articles: number; sentences: number };
}

export interface HealthServer {
  /** The port listened on (useful with HEALTH_PORT=0). */
  readonly port: number;
  readonly host: string;
  close(): Promise<void>;
}

export async function startHealthServer(opts: { port: number; host: string; registry: Registry; state: () => HealthState }): Promise<HealthServer> {
  const started = Date.now();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'only GET\n');
    if (path === '/healthz') {
      const s = opts.state();
      const ok = s.gateway && !!s.index;
      const body = {
        status: ok ? 'ok' : 'unavailable',
        gateway: s.gateway ? 'ready' : 'not ready',
        index: s.index ? 'loaded' : 'loading',
        ...s.index,
        uptime_s: Math.round((Date.now() - started) / 1000),
      };
      return send(ok ? 200 : 503, 'application/json', `${JSON.stringify(body)}\n`);
    }
    if (path === '/metrics') {
      opts.registry.metrics().then(
        (text) => send(200, opts.registry.contentType, text),
        (err: Error) => send(500, 'text/plain', `metrics failed: ${err.message}\n`),
      );
      return;
    }
    send(404, 'text/plain', 'not found: try /healthz or /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (err: Error) => reject(new Error(`health server: cannot listen on ${opts.host}:${opts.port} (HEALTH_HOST, HEALTH_PORT): ${err.message}`));
    server.once('error', fail);
    server.listen(opts.port, opts.host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    port: address.port,
    host: opts.host,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
