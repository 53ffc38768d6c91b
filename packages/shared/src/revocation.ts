import type { TokenConfig } from './config.ts';
import type { Logger } from './logger.ts';
import {
  httpRevocationSnapshot,
  listenFeed,
  revocationUrls,
  streamFeed,
  type Feed,
  type Revocation,
} from './revocation-feeds.ts';
import { createTokenVerifier, type Identity, type TokenVerifier } from './tokens.ts';

export * from './revocation-feeds.ts';

export interface RevocationListOptions {
  logger: Logger;
  /** A direct PostgreSQL connection (LISTEN does not work through PgBouncer's transaction mode). */
  listenUrl?: string;
  /** The current revocations, loaded at start and again after every reconnection. */
  snapshot?: () => Promise<Revocation[]>;
  /** The auth service's event stream: every current revocation, then each new one. */
  streamUrl?: string;
  /** How long `start()` waits for the first load before serving anyway (default 5000 ms). */
  startTimeoutMs?: number;
  reconnectDelayMs?: number;
  /** application_name of the LISTEN connection (default grahvani-revocations). */
  applicationName?: string;
}

export interface RevocationList {
  /** For `createTokenVerifier({ isRevoked })`: an in-memory lookup, no I/O. */
  isRevoked(identity: Pick<Identity, 'sessionId'>): boolean;
  add(revocation: Revocation): void;
  /** Current (unexpired) revocations. */
  entries(): Revocation[];
  /** Calls `listener` for each revocation added from now on; returns the unsubscribe. */
  subscribe(listener: (revocation: Revocation) => void): () => void;
  /** True once the first snapshot (or stream) has been loaded. */
  readonly loaded: boolean;
  /** Sessions held (including any expired but not yet pruned). */
  readonly size: number;
  /** When the list last loaded or changed (epoch ms), for its age in /metrics. */
  readonly updatedAt: number | undefined;
  /** Connects and loads; keeps retrying in the background if a source is down. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The set of revoked sessions that every token verifier keeps in memory, so that a revoked
 * session's access token is refused within a second on every replica without a database
 * query per request. Fed by PostgreSQL LISTEN (plus a snapshot) or by the auth service's
 * event stream; both reconnect and reload on failure.
 */
export function createRevocationList(options: RevocationListOptions): RevocationList {
  const { logger } = options;
  const revoked = new Map<string, number>();
  const listeners = new Set<(revocation: Revocation) => void>();
  const timers = new Set<NodeJS.Timeout>();
  const closers: (() => unknown)[] = [];
  let closed = false;
  let loaded = false;
  let updatedAt: number | undefined;
  let resolveFirstLoad: () => void = () => {};
  const firstLoad = new Promise<void>((resolve) => (resolveFirstLoad = resolve));
  // Services start together, so the auth service may not answer yet: say so once, not per retry.
  let failures = 0;

  function add(revocation: Revocation) {
    if (revocation.expiresAt <= Date.now()) return;
    const known = revoked.get(revocation.sessionId) ?? 0;
    if (revocation.expiresAt > known) revoked.set(revocation.sessionId, revocation.expiresAt);
    updatedAt = Date.now();
    if (!known) for (const listener of listeners) listener(revocation);
  }

  const feed: Feed = {
    add,
    loaded() {
      loaded = true;
      updatedAt = Date.now();
      resolveFirstLoad();
    },
    failed(what, err) {
      const reason = err instanceof Error ? String(err.cause ?? err) : String(err);
      if (failures++ === 0) logger.warn(`revocations: ${what} failed (${reason}); retrying`);
      else logger.debug(`revocations: ${what} failed again (${reason})`);
    },
    recovered() {
      if (failures > 0) logger.info('revocations: connected');
      failures = 0;
    },
    retry(fn) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!closed) fn();
      }, options.reconnectDelayMs ?? 1_000);
      timers.add(timer);
    },
    isClosed: () => closed,
  };

  const prune = setInterval(() => {
    const now = Date.now();
    for (const [sessionId, expiresAt] of revoked) if (expiresAt <= now) revoked.delete(sessionId);
  }, 60_000);
  prune.unref();

  async function loadSnapshot(): Promise<void> {
    if (!options.snapshot) return;
    try {
      for (const revocation of await options.snapshot()) add(revocation);
      feed.loaded();
      feed.recovered();
    } catch (err) {
      feed.failed('snapshot', err);
      feed.retry(() => void loadSnapshot());
    }
  }

  return {
    isRevoked: ({ sessionId }) => (revoked.get(sessionId) ?? 0) > Date.now(),
    add,
    entries: () =>
      [...revoked]
        .filter(([, expiresAt]) => expiresAt > Date.now())
        .map(([sessionId, expiresAt]) => ({ sessionId, expiresAt })),
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    get loaded() {
      return loaded;
    },
    get size() {
      return revoked.size;
    },
    get updatedAt() {
      return updatedAt;
    },
    async start() {
      // LISTEN before the snapshot, so nothing revoked in between is missed.
      if (options.listenUrl) {
        const name = options.applicationName ?? 'grahvani-revocations';
        closers.push(await listenFeed(feed, options.listenUrl, name, loadSnapshot));
        if (!options.snapshot) feed.loaded();
      }
      await loadSnapshot();
      if (options.streamUrl) closers.push(streamFeed(feed, options.streamUrl));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.startTimeoutMs ?? 5_000);
      });
      await Promise.race([firstLoad, timeout]);
      clearTimeout(timer);
      if (!loaded) logger.warn('revocations: not loaded yet; serving while retrying');
    },
    async close() {
      closed = true;
      clearInterval(prune);
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(closers.map((close) => close()));
    },
  };
}

/**
 * The default verifier of a gateway or subgraph: keys from our JWKS, and revocations kept in
 * memory. With `listenUrl` (a service's own database connection) it LISTENs itself and loads
 * the snapshot from the auth service; without (the gateway has no database) it follows the
 * auth service's event stream. Close `revocations` when the service stops.
 */
export async function createRevokingVerifier(
  tokens: TokenConfig,
  logger: Logger,
  listenUrl?: string,
): Promise<{ verifier: TokenVerifier; revocations: RevocationList }> {
  const urls = revocationUrls(tokens.jwksUrl);
  const revocations = createRevocationList(
    listenUrl
      ? { logger, listenUrl, snapshot: httpRevocationSnapshot(urls.snapshot) }
      : { logger, streamUrl: urls.stream },
  );
  await revocations.start();
  const verifier = createTokenVerifier({
    issuer: tokens.issuer,
    audience: tokens.audience,
    keys: { jwksUrl: tokens.jwksUrl },
    isRevoked: revocations.isRevoked,
  });
  return { verifier, revocations };
}

/** `service` whose close() also closes `revocations` (when the service created them). */
export function closingRevocations<T extends { close(): Promise<void> }>(
  service: T,
  revocations: RevocationList | undefined,
): T {
  if (!revocations) return service;
  const close = service.close.bind(service);
  return Object.assign(service, {
    async close() {
      await close();
      await revocations.close();
    },
  });
}
