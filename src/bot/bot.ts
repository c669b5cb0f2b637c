// The Discord bot: one discord.js client (Guilds intent only), every interaction routed to commands/,
// one JSON log line and one metrics sample per interaction, optional health/metrics server, graceful shutdown.
import { performance } from 'node:perf_hooks';
import { Client, DiscordAPIError, Events, GatewayIntentBits, Status, type ClientOptions, type Interaction } from 'discord.js';
import { DatabaseUnavailable, openPgLive, UNAVAILABLE, type PgLive } from '../app/postgres.ts';
import { QueryError, type SearchIndex } from '../engine/index.ts';
import { openLiveIndex, type LiveIndex } from '../app/index.ts';
import { isMessageCommand, isSlashCommand, type AnyCommand, type Outcome } from './command.ts';
import { createContext, type IndexHolder } from './context.ts';
import { COOLDOWN_SECONDS, Cooldowns, cooldownMessage } from './cooldown.ts';
import { loadCommands } from './loader.ts';
import { createLogger, errorFields, type Logger } from './log.ts';
import { NO_MENTIONS } from './render.ts';
import { deferIfSlow, received, tell } from './respond.ts';
import { EXPIRED, parseButtonId } from './buttons.ts';
import { normaliseApiUrl } from './config.ts';
import { handleFeedback, Votes } from './feedback.ts';
import { startHealthServer, type HealthServer } from './health.ts';
import { createMetrics, type Metrics } from './metrics.ts';

export interface StartBotOptions {
  /** The bot token (DISCORD_TOKEN). Never logged. */
  token: string;
  /** REST base such as `http://127.0.0.1:1234/api` (DISCORD_API_URL); Discord's own when unset. */
  apiUrl?: string;
  /** Corpus folder to index when neither `index` nor `ctx` is given. */
  corpusDir?: string;
  /** The index, or its loading promise. */
  index?: SearchIndex | Promise<SearchIndex>;
  /** A context made with `createContext`, when the caller wants to swap the index later (`ctx.set`). */
  ctx?: IndexHolder;
  /** The commands (default: everything in commands/). */
  commands?: Map<string, AnyCommand>;
  /** Overrides every command's cooldown, in seconds (0 disables). Default: each command's own, else COOLDOWN_SECONDS. */
  cooldownSeconds?: number;
  logger?: Logger;
  /**
   * Install process handlers: SIGINT/SIGTERM → stop() then exit 0; unhandledRejection → logged.
   * Default true; tests pass false.
   */
  processHandlers?: boolean;
  /** Extra discord.js client options (tests: `ws.buildIdentifyThrottler`, `rest.retries`, …). */
  clientOptions?: Partial<ClientOptions>;
  /** Give up logging in after this long (default 30 s). */
  loginTimeoutMs?: number;
  /** Serve GET /healthz and /metrics here (HEALTH_PORT / HEALTH_HOST); nothing listens when unset. */
  health?: { port: number; host?: string };
  /** An interaction still unanswered this long after it arrived is deferred (default DEFER_AFTER_MS). */
  deferAfterMs?: number;
}

export interface Bot {
  client: Client;
  /** The index context; `ctx.set(newIndex)` swaps the index live. */
  ctx: IndexHolder;
  commands: Map<string, AnyCommand>;
  log: Logger;
  metrics: Metrics;
  /** The health/metrics server, when `health` was given. */
  health?: HealthServer;
  /** Disconnects (client.destroy) and removes process handlers. Idempotent. */
  stop(): Promise<void>;
}

const GENERIC_ERROR = 'Sorry — something went wrong while answering. Please try again in a moment.';

/** Logs in and resolves once the client is ready; rejects (after cleaning up) when login fails. */
export async function startBot(opts: StartBotOptions): Promise<Bot> {
  const log = opts.logger ?? createLogger({ secrets: [opts.token] });
  const commands = opts.commands ?? (await loadCommands());
  // Without a given index the bot follows its corpus folder: edits are re-indexed and swapped in live.
  const live = opts.ctx || opts.index ? undefined : openLive(opts.corpusDir, log, (index) => ctx.set(index));
  const ctx = opts.ctx ?? createContext(opts.index ?? live!.ready, log);
  const cooldowns = new Cooldowns();
  const metrics = createMetrics(() => ctx.index());
  const votes = new Votes();
  let health: HealthServer | undefined;

  const apiUrl = opts.apiUrl ? normaliseApiUrl(opts.apiUrl) : undefined;
  const client = new Client({
    ...opts.clientOptions,
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: { ...opts.clientOptions?.rest, ...(apiUrl ? { api: apiUrl } : {}) },
  });

  client.on(Events.Error, (err) => log.error('client error', errorFields(err)));
  client.on(Events.Warn, (message) => log.warn('client warning', { message }));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn('gateway disconnected', { shard, code: event.code }));
  client.on(Events.ShardReconnecting, (shard) => {
    metrics.reconnect();
    log.info('gateway reconnecting', { shard });
  });
  client.on(Events.ShardResume, (shard, replayed) => log.info('gateway resumed', { shard, replayed }));
  client.on(Events.ShardError, (err, shard) => log.error('gateway error', { shard, ...errorFields(err) }));
  client.rest.on('rateLimited', (info) => log.warn('rate limited', { route: info.route, method: info.method, retry_after_ms: info.retryAfter, global: info.global }));
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));

  async function handle(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const outcome: Outcome = {};
    const kind = kindOf(interaction);
    let command = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined;
    let status = 'ok';
    if (interaction.isRepliable()) received(interaction, opts.deferAfterMs);
    try {
      if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
        // Until the command says how its reply will look: as the user asked, hidden or not ("Ask newsdesk" is always hidden).
        deferIfSlow(interaction, { ephemeral: interaction.isChatInputCommand() ? (interaction.options.getBoolean('hide') ?? false) : true });
        // Only a command of the interaction's own kind runs (a stale registration may send another).
        const found = commands.get(interaction.commandName);
        const cmd = found && (interaction.isChatInputCommand() ? isSlashCommand(found) : isMessageCommand(found)) ? found : undefined;
        if (!cmd) {
          status = 'unknown_command';
          await tell(interaction, 'I no longer know that command — it may have been removed. Try `/help`.');
          return;
        }
        const seconds = opts.cooldownSeconds ?? cmd.cooldown ?? COOLDOWN_SECONDS;
        const left = cooldowns.hit(interaction.user.id, cmd.data.name, seconds);
        if (left > 0) {
          status = 'cooldown';
          await tell(interaction, cooldownMessage(cmd.data.name, left));
          return;
        }
        if (interaction.isChatInputCommand() && isSlashCommand(cmd)) {
          log.debug('query', { command, query: interaction.options.getString('query') ?? undefined });
          await cmd.execute(interaction, ctx, outcome);
        } else if (interaction.isMessageContextMenuCommand() && isMessageCommand(cmd)) {
          log.debug('query', { command, query: interaction.targetMessage.content });
          await cmd.execute(interaction, ctx, outcome);
        }
      } else if (interaction.isAutocomplete()) {
        const cmd = commands.get(interaction.commandName);
        if (cmd?.autocomplete) await cmd.autocomplete(interaction, ctx);
        else await interaction.respond([]);
      } else if (interaction.isButton()) {
        // Until the handler says otherwise: acknowledged without a visible change, as a page turn is.
        deferIfSlow(interaction, { updateMessage: true });
        const action = parseButtonId(interaction.customId);
        command = action.command;
        const cmd = commands.get(command);
        if (action.kind === 'feedback' && cmd) await handleFeedback(interaction, action, { votes, metrics, log });
        else if (cmd?.button) await cmd.button(interaction, ctx, outcome);
        else {
          status = 'expired';
          await tell(interaction, EXPIRED);
        }
      }
    } catch (err) {
      const isQueryError = err instanceof QueryError || (err instanceof Error && err.name === 'QueryError');
      if (err instanceof DiscordAPIError && (err.code === 10062 || err.code === 40060)) {
        // Unknown interaction / already acknowledged: nothing can be sent for it any more.
        status = 'expired_interaction';
        log.warn('interaction could not be answered', { command, kind, ...errorFields(err), stack: undefined });
        return;
      }
      const down = err instanceof DatabaseUnavailable;
      status = isQueryError ? 'query_error' : down ? 'database_unavailable' : 'error';
      if (down) log.warn('database unavailable', { command, kind, ...errorFields(err), stack: undefined });
      else if (!isQueryError) log.error('interaction failed', { command, kind, ...errorFields(err) });
      try {
        await tell(interaction, isQueryError ? (err as Error).message : down ? UNAVAILABLE : GENERIC_ERROR);
      } catch (err2) {
        log.warn('could not send the error message', { command, kind, ...errorFields(err2), stack: undefined });
      }
    } finally {
      const ms = performance.now() - started;
      log.info('interaction', { command, kind, status, latency_ms: Math.round(ms * 10) / 10, answers: outcome.answers ?? null });
      // Only names the bot knows become label values, so a forged button id cannot grow the series.
      metrics.interaction(command && commands.has(command) ? command : 'unknown', kind, status, ms / 1000);
    }
  }

  // Process-level handlers: a stray rejection is logged, not fatal; signals shut down cleanly.
  const onRejection = (reason: unknown) => log.error('unhandled rejection', errorFields(reason));
  const onSignal = (signal: NodeJS.Signals) => {
    log.info('shutting down', { signal });
    void stop().finally(() => process.exit(0));
  };
  if (opts.processHandlers !== false) {
    process.on('unhandledRejection', onRejection);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  let stopped: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopped ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('unhandledRejection', onRejection);
      await client.destroy();
      await health?.close();
      await live?.close();
      log.info('bot stopped');
    })();
    return stopped;
  }

  // Listening before login, so a supervisor sees 503 while the bot connects and the index loads.
  if (opts.health) {
    health = await startHealthServer({
      port: opts.health.port,
      host: opts.health.host ?? '127.0.0.1',
      registry: metrics.registry,
      state: () => {
        const index = ctx.index();
        return {
          gateway: client.isReady() && client.ws.shards.size > 0 && client.ws.shards.every((s) => s.status === Status.Ready),
          index: index ? { articles: index.docs.length, sentences: index.sentences.length } : undefined,
        };
      },
    });
    log.info('health server listening', { host: health.host, port: health.port });
  }

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after ${opts.loginTimeoutMs ?? 30_000} ms`)), opts.loginTimeoutMs ?? 30_000);
    client.once(Events.ClientReady, (c) => {
      clearTimeout(timer);
      log.info('bot ready', { user: c.user.tag, user_id: c.user.id, commands: [...commands.keys()] });
      resolve();
    });
    client.login(opts.token).catch((err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
  try {
    await ready;
  } catch (err) {
    log.error('login failed', { ...errorFields(err), stack: undefined });
    await stop();
    throw err;
  }
  return { client, ctx, commands, log, metrics, health, stop };
}

function kindOf(interaction: Interaction): 'command' | 'message' | 'autocomplete' | 'button' | 'other' {
  if (interaction.isChatInputCommand()) return 'command';
  if (interaction.isMessageContextMenuCommand()) return 'message';
  if (interaction.isAutocomplete()) return 'autocomplete';
  return interaction.isButton() ? 'button' : 'other';
}

function openLive(corpusDir: string | undefined, log: Logger, onSwap: (index: SearchIndex) => void): LiveIndex | PgLive {
  const dir = corpusDir ?? 'seeds';
  const t = performance.now();
  const common = {
    corpusDir: dir,
    onWarn: (message: string) => log.warn('corpus warning', { message }),
    onLog: (message: string) => log.info('index', { message }),
    onSwap,
  };
  // With DATABASE_URL the index lives in PostgreSQL, shared with every other process on it.
  const url = process.env.DATABASE_URL;
  const live = url ? openPgLive({ ...common, url }) : openLiveIndex(common);
  live.ready.then(
    (index) => log.info('index ready', { corpus: dir, articles: index.docs.length, sentences: index.sentences.length, ms: Math.round(performance.now() - t) }),
    (err) => log.error('index failed', { corpus: dir, ...errorFields(err) }),
  );
  return live;
}
