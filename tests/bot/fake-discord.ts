// A small fake Discord (REST + gateway) on 127.0.0.1 for driving the real discord.js client.
// See /work/shared/notes/discord-local-testing.md for the facts this is built on.
//
// Usage:
//   const fake = await startFakeDiscord();
//   const bot = await startBot({ token: fake.token, apiUrl: fake.apiUrl, ... });
//   const sent = fake.sendCommand('who', { query: 'is X' });
//   const reply = await sent.response();      // callback data, or the editReply after a deferral
//   await fake.close();
//
// Fault hooks for later tests: `closeGateway(4000)`, `requestReconnect()`, `invalidateSession()`,
// `ackHeartbeats = false`, and `intercept()` to answer the next matching REST call with e.g. a 429
// (`{ status: 429, headers: { 'retry-after': '1' }, body: {...} }`) or `unknownInteraction()`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Decoded path below `/api/v10`, e.g. `/interactions/123/tok/callback`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body, or the raw string, or undefined. */
  body: any;
  /** ms since the fake started. */
  at: number;
  /** Status the fake answered with. */
  status: number;
  /** For interaction callbacks: ms between dispatching the interaction and this request. */
  latencyMs?: number;
  /** For interaction callbacks and webhooks: the interaction this belongs to. */
  interactionId?: string;
}

export interface Intercept {
  /** Which request to answer; all given fields must match. */
  method?: string;
  path?: RegExp | string;
  /** How many matching requests to answer this way (default 1). */
  times?: number;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
  discriminator?: string;
  avatar?: string | null;
  bot?: boolean;
}

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
}

export interface InteractionOptions {
  user?: FakeUser;
  /** Give a guild id to make it a guild interaction (member instead of user). */
  guildId?: string;
  channelId?: string;
  locale?: string;
}

export interface SentInteraction {
  id: string;
  token: string;
  /** The raw `d` of the INTERACTION_CREATE dispatch. */
  payload: any;
  /** The interaction callback request (reply / defer / autocomplete / update). */
  callback(timeoutMs?: number): Promise<RecordedRequest>;
  /**
   * The message the user sees first: the callback's `data` for a reply/update, or for a deferral the
   * body of the first `PATCH …/messages/@original` (editReply).
   */
  response(timeoutMs?: number): Promise<any>;
  /** The n-th (0-based) follow-up `POST /webhooks/{app}/{token}`. */
  followUp(n?: number, timeoutMs?: number): Promise<RecordedRequest>;
  /** The n-th (0-based) `PATCH …/messages/@original`. */
  edit(n?: number, timeoutMs?: number): Promise<RecordedRequest>;
  /** Every request (callback and webhooks) made for this interaction so far. */
  requests(): RecordedRequest[];
}

interface InteractionState {
  id: string;
  token: string;
  dispatchedAt: number;
  acknowledged: boolean;
  original?: any;
}

const DISCORD_EPOCH = 1420070400000n;
let counter = 0n;
/** A fresh 18–19 digit snowflake. */
export function snowflake(): string {
  counter = (counter + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | counter).toString();
}

const OPTION_TYPE: Record<string, number> = { string: 3, integer: 4, boolean: 5, number: 10 };

/** `{ query: 'x', hide: true }` → Discord option objects (string/boolean/number inferred). */
export function toOptions(options: Record<string, string | number | boolean> = {}, focused?: string): CommandOption[] {
  return Object.entries(options).map(([name, value]) => ({
    name,
    type: typeof value === 'boolean' ? OPTION_TYPE.boolean : typeof value === 'number' ? OPTION_TYPE.number : OPTION_TYPE.string,
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}

export interface FakeDiscordOptions {
  /** Heartbeat interval sent in HELLO (default 41250). */
  heartbeatInterval?: number;
  /** Interaction callbacks later than this after dispatch get 10062 Unknown interaction (default 3000; 0 = never). */
  callbackDeadlineMs?: number;
  token?: string;
}

export class FakeDiscord {
  readonly token: string;
  readonly applicationId = snowflake();
  readonly botUser: FakeUser = { id: this.applicationId, username: 'newsdesk', discriminator: '0', bot: true, avatar: null, global_name: null };
  /** Every REST request, in order. */
  readonly requests: RecordedRequest[] = [];
  /** Every gateway payload the client sent (op, d). */
  readonly gatewayReceived: { op: number; d: any; at: number }[] = [];
  /** Registered commands per scope key ('global' or guild id), as the last PUT set them. */
  readonly commands = new Map<string, any[]>();
  /** Answer heartbeats with op 11 (set false to make the client see a zombie connection). */
  ackHeartbeats = true;
  /** Send READY on IDENTIFY (set false to test a login that never completes). */
  sendReadyOnIdentify = true;
  callbackDeadlineMs: number;

  readonly sessionId = randomBytes(16).toString('hex');
  private seq = 0;
  /** Every dispatch sent, for replay on RESUME. */
  private readonly dispatches: { s: number; t: string; d: any }[] = [];
  private readonly interactions = new Map<string, InteractionState>();
  private readonly byToken = new Map<string, InteractionState>();
  private readonly intercepts: (Intercept & { left: number })[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly sockets = new Set<WebSocket>();
  /** The socket that has identified or resumed and receives dispatches. */
  private live?: WebSocket;
  private readyWaiters: (() => void)[] = [];
  private readyCount = 0;
  private readonly started = Date.now();
  private http!: Server;
  private wss!: WebSocketServer;
  port = 0;

  constructor(private readonly options: FakeDiscordOptions = {}) {
    this.token = options.token ?? `fake.${randomBytes(12).toString('base64url')}.token`;
    this.callbackDeadlineMs = options.callbackDeadlineMs ?? 3000;
  }

  /** REST base to give discord.js as `rest.api` / `DISCORD_API_URL` (no `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<this> {
    this.http = createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on('connection', (ws) => this.onSocket(ws));
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    this.port = (this.http.address() as AddressInfo).port;
    return this;
  }

  // ---------------------------------------------------------------- waiting

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Re-checks every `waitUntil` condition (call it when something outside the fake changed, e.g. a log line). */
  poke(): void {
    this.notify();
  }

  /** Resolves with the first recorded request (past or future) matching `pred`. */
  waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs = 10_000, label = 'request'): Promise<RecordedRequest> {
    return this.waitUntil(() => this.requests.find(pred), timeoutMs, label);
  }

  /** Polls `get` on every recorded event until it returns something other than undefined. */
  waitUntil<T>(get: () => T | undefined, timeoutMs = 10_000, label = 'condition'): Promise<T> {
    const now = get();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const v = get();
        if (v !== undefined) {
          done();
          resolve(v);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${label}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  /** Resolves once the client has received READY (counting from `after`, default: any READY so far). */
  waitForReady(after = 0): Promise<void> {
    if (this.readyCount > after) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Resolves with the next gateway payload the client sends with this op (e.g. 6 RESUME, 2 IDENTIFY). */
  waitForGateway(op: number, timeoutMs = 10_000): Promise<{ op: number; d: any }> {
    const from = this.gatewayReceived.length;
    return this.waitUntil(() => this.gatewayReceived.slice(from).find((p) => p.op === op), timeoutMs, `gateway op ${op}`);
  }

  // ---------------------------------------------------------------- interactions

  private user(o: InteractionOptions): FakeUser {
    return o.user ?? { id: snowflake(), username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null };
  }

  /** Dispatches an INTERACTION_CREATE with the fields discord.js requires, and returns a handle. */
  sendInteraction(type: number, data: any, o: InteractionOptions & { message?: any } = {}): SentInteraction {
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`;
    const user = this.user(o);
    const channelId = o.channelId ?? snowflake();
    const d: any = {
      id,
      application_id: this.applicationId,
      type,
      data,
      token,
      version: 1,
      locale: o.locale ?? 'en-US',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: o.guildId ? { '0': o.guildId } : { '1': user.id },
      context: o.guildId ? 0 : 1,
      attachment_size_limit: 10485760,
    };
    if (o.guildId) {
      d.guild_id = o.guildId;
      d.guild_locale = 'en-US';
      d.guild = { id: o.guildId, locale: 'en-US', features: [] };
      d.channel = { id: channelId, type: 0, guild_id: o.guildId, name: 'news' };
      d.channel_id = channelId;
      d.member = { user, roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0, permissions: '2248473465835073' };
    } else {
      d.channel = { id: channelId, type: 1, recipients: [user] };
      d.channel_id = channelId;
      d.user = user;
    }
    if (o.message) d.message = o.message;
    const state: InteractionState = { id, token, dispatchedAt: Date.now(), acknowledged: false };
    this.interactions.set(id, state);
    this.byToken.set(token, state);
    this.dispatch('INTERACTION_CREATE', d);
    return this.handle(state, d);
  }

  private handle(state: InteractionState, payload: any): SentInteraction {
    const { id, token } = state;
    const mine = () => this.requests.filter((r) => r.interactionId === id);
    const ok = (r: RecordedRequest) => r.interactionId === id && r.status < 300;
    const isCallback = (r: RecordedRequest) => ok(r) && r.path.endsWith('/callback');
    const isEdit = (r: RecordedRequest) => ok(r) && r.method === 'PATCH' && r.path.endsWith('/messages/@original');
    const isFollowUp = (r: RecordedRequest) => ok(r) && r.method === 'POST' && r.path.startsWith('/webhooks/');
    const nth = (pred: (r: RecordedRequest) => boolean, n: number, t: number, label: string) =>
      this.waitUntil(() => mine().filter(pred)[n], t, `${label} #${n} for interaction ${id}`);
    return {
      id,
      token,
      payload,
      callback: (t = 10_000) => this.waitForRequest(isCallback, t, `callback for interaction ${id}`),
      response: async (t = 10_000) => {
        const cb = await this.waitForRequest(isCallback, t, `callback for interaction ${id}`);
        if (cb.body?.type === 5 || cb.body?.type === 6) return (await nth(isEdit, 0, t, 'editReply')).body;
        return cb.body?.data;
      },
      followUp: (n = 0, t = 10_000) => nth(isFollowUp, n, t, 'followUp'),
      edit: (n = 0, t = 10_000) => nth(isEdit, n, t, 'editReply'),
      requests: mine,
    };
  }

  /** A slash command (type 2). `options` are Discord option objects; see `toOptions`. */
  sendCommand(name: string, options: Record<string, string | number | boolean> | CommandOption[] = {}, o: InteractionOptions = {}): SentInteraction {
    const opts = Array.isArray(options) ? options : toOptions(options);
    const registered = [...this.commands.values()].flat().find((c) => c.name === name);
    return this.sendInteraction(2, { id: registered?.id ?? snowflake(), name, type: 1, options: opts }, o);
  }

  /** An autocomplete request (type 4) with `focused` naming the option being typed. */
  sendAutocomplete(name: string, options: Record<string, string | number | boolean>, focused: string, o: InteractionOptions = {}): SentInteraction {
    const registered = [...this.commands.values()].flat().find((c) => c.name === name);
    return this.sendInteraction(4, { id: registered?.id ?? snowflake(), name, type: 1, options: toOptions(options, focused) }, o);
  }

  /**
   * A message context-menu command (type 2, command type 3) on a message a user wrote, as Discord sends
   * it: the target in `resolved.messages`, its id in `target_id`.
   */
  sendMessageCommand(name: string, content: string, o: InteractionOptions & { author?: FakeUser; embeds?: any[] } = {}): SentInteraction {
    const registered = [...this.commands.values()].flat().find((c) => c.name === name);
    const author = o.author ?? { id: snowflake(), username: 'writer', discriminator: '0', global_name: 'Writer', avatar: null };
    const target = {
      ...this.messageFrom({ content, embeds: o.embeds ?? [] }),
      type: 0,
      author,
      application_id: undefined,
      webhook_id: undefined,
      interaction_metadata: undefined,
    };
    return this.sendInteraction(2, { id: registered?.id ?? snowflake(), name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } }, o);
  }

  /**
   * A button press (type 3) on `message` (a message object as returned by `messageFrom`); the
   * presser defaults to a fresh user.
   */
  sendButton(customId: string, message: any, o: InteractionOptions = {}): SentInteraction {
    return this.sendInteraction(3, { custom_id: customId, component_type: 2 }, { ...o, message });
  }

  /**
   * The message object Discord would attach to a button interaction, built from a reply's data
   * (e.g. `await sent.response()`), owned by the bot, with `interaction_metadata` naming `invoker`.
   */
  messageFrom(data: any, invoker?: FakeUser, channelId = snowflake()): any {
    const inv = invoker ?? { id: snowflake(), username: 'reader', discriminator: '0', avatar: null };
    return {
      id: snowflake(),
      type: 20,
      channel_id: channelId,
      author: this.botUser,
      content: data?.content ?? '',
      embeds: data?.embeds ?? [],
      components: data?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: data?.flags ?? 0,
      application_id: this.applicationId,
      webhook_id: this.applicationId,
      interaction_metadata: { id: snowflake(), type: 2, user: inv, authorizing_integration_owners: { '1': inv.id } },
    };
  }

  // ---------------------------------------------------------------- gateway

  /** Sends a dispatch (op 0) to the live session, recording it for replay on RESUME. */
  dispatch(t: string, d: any): number {
    const s = ++this.seq;
    this.dispatches.push({ s, t, d });
    if (this.live?.readyState === WebSocket.OPEN) this.live.send(JSON.stringify({ op: 0, t, s, d }));
    return s;
  }

  /** Closes every gateway socket with `code` (4000 → the client resumes; 1000 → it re-identifies). */
  closeGateway(code = 4000, reason = 'fake close'): void {
    for (const ws of this.sockets) ws.close(code, reason);
    this.live = undefined;
  }

  /** Sends op 7 RECONNECT (the client should close and RESUME). */
  requestReconnect(): void {
    this.live?.send(JSON.stringify({ op: 7, d: null }));
  }

  /** Sends op 9 INVALID_SESSION. */
  invalidateSession(resumable = false): void {
    this.live?.send(JSON.stringify({ op: 9, d: resumable }));
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
      if (this.live === ws) this.live = undefined;
    });
    ws.on('error', () => {});
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatInterval ?? 41250 } }));
    ws.on('message', (raw) => {
      let p: any;
      try {
        p = JSON.parse(raw.toString());
      } catch {
        return;
      }
      this.gatewayReceived.push({ op: p.op, d: p.d, at: Date.now() - this.started });
      this.notify();
      switch (p.op) {
        case 1:
          if (this.ackHeartbeats) ws.send(JSON.stringify({ op: 11 }));
          break;
        case 2: // IDENTIFY
          if (p.d?.token !== this.token && p.d?.token !== `Bot ${this.token}`) {
            ws.close(4004, 'Authentication failed.');
            return;
          }
          if (!this.sendReadyOnIdentify) return;
          this.live = ws;
          this.dispatch('READY', {
            v: 10,
            user: this.botUser,
            guilds: [],
            session_id: this.sessionId,
            resume_gateway_url: this.gatewayUrl,
            application: { id: this.applicationId, flags: 0 },
            private_channels: [],
            relationships: [],
          });
          this.readyCount++;
          for (const r of this.readyWaiters.splice(0)) r();
          break;
        case 6: {
          // RESUME: replay what the session missed, then RESUMED.
          if (p.d?.session_id !== this.sessionId) {
            ws.send(JSON.stringify({ op: 9, d: false }));
            return;
          }
          this.live = ws;
          for (const x of this.dispatches) if (x.s > (p.d.seq ?? 0)) ws.send(JSON.stringify({ op: 0, ...x }));
          const s = ++this.seq;
          this.dispatches.push({ s, t: 'RESUMED', d: {} });
          ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s, d: {} }));
          break;
        }
      }
    });
  }

  // ---------------------------------------------------------------- REST

  /** Answers the next `times` matching REST requests with the given status/headers/body. */
  intercept(i: Intercept): void {
    this.intercepts.push({ ...i, left: i.times ?? 1 });
  }

  /** The next interaction callback (optionally for one interaction) fails with 404 10062 Unknown interaction. */
  unknownInteraction(interactionId?: string): void {
    this.intercept({
      method: 'POST',
      path: new RegExp(`^/interactions/${interactionId ?? '\\d+'}/[^/]+/callback$`),
      status: 404,
      body: { message: 'Unknown interaction', code: 10062 },
    });
  }

  /** The next `times` interaction callbacks get 429 with a `Retry-After` header (seconds). */
  rateLimitCallbacks(retryAfterSeconds = 1, times = 1): void {
    this.intercept({
      method: 'POST',
      path: /^\/interactions\/\d+\/[^/]+\/callback$/,
      times,
      status: 429,
      headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
    });
  }

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname.replace(/^\/api(\/v\d+)?/, ''));
    let body: any = raw || undefined;
    if (raw && String(req.headers['content-type'] ?? '').includes('json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        /* keep raw */
      }
    }
    const rec: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, headers: req.headers, body, at: Date.now() - this.started, status: 0 };
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      rec.status = status;
      this.requests.push(rec);
      const text = payload === undefined ? '' : JSON.stringify(payload);
      res.writeHead(status, { ...(text ? { 'content-type': 'application/json' } : {}), ...headers });
      res.end(text);
      this.notify();
    };

    // Tie interaction traffic to its interaction.
    const cb = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    const wh = /^\/webhooks\/(\d+)\/([^/]+)(\/.*)?$/.exec(path);
    const state = cb ? this.interactions.get(cb[1]) : wh ? this.byToken.get(wh[2]) : undefined;
    if (state) rec.interactionId = state.id;
    if (cb && state) rec.latencyMs = Date.now() - state.dispatchedAt;

    const hit = this.intercepts.find(
      (i) => i.left > 0 && (!i.method || i.method === rec.method) && (!i.path || (typeof i.path === 'string' ? i.path === path : i.path.test(path))),
    );
    if (hit) {
      hit.left--;
      send(hit.status, hit.body, hit.headers);
      return;
    }

    const m = rec.method;
    const authed = () => req.headers.authorization === `Bot ${this.token}`;
    const unauthorized = () => send(401, { message: '401: Unauthorized', code: 0 });

    if (m === 'GET' && path === '/gateway/bot') {
      if (!authed()) return unauthorized();
      return send(200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if (m === 'GET' && path === '/gateway') return send(200, { url: this.gatewayUrl });
    if (m === 'GET' && path === '/users/@me') return authed() ? send(200, this.botUser) : unauthorized();
    if (m === 'GET' && path === '/applications/@me') return authed() ? send(200, { id: this.applicationId, name: 'newsdesk', flags: 0 }) : unauthorized();

    const cmds = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (cmds) {
      if (!authed()) return unauthorized();
      if (cmds[1] !== this.applicationId) return send(403, { message: 'Missing Access', code: 50001 });
      const scope = cmds[2] ?? 'global';
      if (m === 'GET') return send(200, this.commands.get(scope) ?? []);
      if (m === 'PUT' && Array.isArray(body)) {
        const prev = this.commands.get(scope) ?? [];
        const stored = body.map((c: any) => ({
          ...c,
          id: prev.find((p) => p.name === c.name)?.id ?? snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
          ...(cmds[2] ? { guild_id: cmds[2] } : {}),
        }));
        this.commands.set(scope, stored);
        return send(200, stored);
      }
      return send(400, { message: 'Invalid Form Body', code: 50035 });
    }

    if (cb) {
      if (!state || state.token !== cb[2]) return send(404, { message: 'Unknown interaction', code: 10062 });
      if (this.callbackDeadlineMs > 0 && rec.latencyMs! > this.callbackDeadlineMs) return send(404, { message: 'Unknown interaction', code: 10062 });
      if (state.acknowledged) return send(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
      state.acknowledged = true;
      if (body?.type === 4 || body?.type === 7) state.original = this.message(body.data);
      if (url.searchParams.get('with_response') === 'true') {
        return send(200, {
          interaction: {
            id: state.id,
            type: 2,
            activity_instance_id: null,
            response_message_id: state.original?.id ?? null,
            response_message_loading: body?.type === 5,
            response_message_ephemeral: ((body?.data?.flags ?? 0) & 64) === 64,
          },
          resource: { type: body?.type, ...(state.original ? { message: state.original } : {}) },
        });
      }
      return send(204);
    }

    if (wh) {
      if (!state || wh[1] !== this.applicationId) return send(404, { message: 'Unknown Webhook', code: 10015 });
      const sub = wh[3] ?? '';
      if (m === 'POST' && sub === '') return send(200, this.message(body));
      if (sub === '/messages/@original') {
        if (m === 'PATCH') return send(200, (state.original = this.message({ ...state.original, ...body }, state.original?.id)));
        if (m === 'GET') return state.original ? send(200, state.original) : send(404, { message: 'Unknown Message', code: 10008 });
        if (m === 'DELETE') return send(204);
      }
      if (/^\/messages\/\d+$/.test(sub)) {
        if (m === 'PATCH') return send(200, this.message(body, sub.slice('/messages/'.length)));
        if (m === 'DELETE') return send(204);
      }
    }

    return send(404, { message: '404: Not Found', code: 0 });
  }

  /** A message object for a message the bot sent through an interaction. */
  private message(data: any, id = snowflake()): any {
    return {
      ...this.messageFrom(data),
      id,
      content: data?.content ?? '',
      embeds: data?.embeds ?? [],
      components: data?.components ?? [],
      flags: data?.flags ?? 0,
    };
  }

  /** Closes every socket and the server; resolves when nothing is left open. */
  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
    this.waiters.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).listen();
}
