import type { Logger } from './logger.ts';
import {
  listenFeed,
  streamFeed,
  type AccountEvent,
  type Feed,
  type Revocation,
  type RevocationSnapshot,
} from './revocation-feeds.ts';
import type { Identity } from './tokens.ts';

export * from './revocation-feeds.ts';

/** What a service does with deleted accounts (the users subgraph hides their profiles). */
export interface AccountSync {
  /** Applies the complete set of DELETED account ids (at start and after every reconnection). */
  snapshot(deletedAccountIds: string[]): Promise<void>;
  /** Applies one change as it is announced. */
  event(event: AccountEvent): Promise<void>;
}

export interface RevocationListOptions {
  logger: Logger;
  /** A direct PostgreSQL connection (LISTEN does not work through PgBouncer's transaction mode). */
  listenUrl?: string;
  /** The current revocations, loaded at start and again after every reconnection. */
  snapshot?: () => Promise<Revocation[] | RevocationSnapshot>;
  /** Receives account deletions (LISTEN feed and snapshot); the snapshot counts as loaded once applied. */
  accounts?: AccountSync;
  /** The auth service's event stream: every current revocation, then each new one. */
  streamUrl?: string;
  /** Headers of the stream request (the gateway proof). */
  streamHeaders?: Record<string, string>;
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
  /**
   * True once the first snapshot (or stream) has been loaded. Until then the service is not
   * ready and refuses access tokens (it could not tell a revoked one).
   */
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
    account(event) {
      options.accounts?.event(event).catch((err: unknown) => {
        // The next snapshot (after any reconnection or restart) applies it again.
        logger.warn({ err, userId: event.userId }, 'revocations: account change not applied');
      });
    },
    loaded() {
      loaded = true;
      updatedAt = Date.now();
      resolveFirstLoad();
    },
    failed(what, err, expected = false) {
      const reason = err instanceof Error ? String(err.cause ?? err) : String(err);
      if (expected) logger.debug(`revocations: ${what} closed by the database (${reason})`);
      else if (failures++ === 0) logger.warn(`revocations: ${what} failed (${reason}); retrying`);
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

  // One snapshot load at a time: while one is in flight or waiting to retry, another request
  // (a reconnection) only asks for one more load after it, so retry loops never multiply.
  let snapshotPending = false;
  let snapshotAgain = false;
  async function loadSnapshot(): Promise<void> {
    if (!options.snapshot) return;
    if (snapshotPending) {
      snapshotAgain = true;
      return;
    }
    snapshotPending = true;
    try {
      const loadedSnapshot = await options.snapshot();
      const snapshot = Array.isArray(loadedSnapshot)
        ? { revocations: loadedSnapshot }
        : loadedSnapshot;
      for (const revocation of snapshot.revocations) add(revocation);
      if (options.accounts && snapshot.deletedAccounts) {
        await options.accounts.snapshot(snapshot.deletedAccounts);
      }
      feed.loaded();
      feed.recovered();
      snapshotPending = false;
      if (snapshotAgain) {
        snapshotAgain = false;
        await loadSnapshot();
      }
    } catch (err) {
      feed.failed('snapshot', err);
      snapshotAgain = false;
      feed.retry(() => {
        snapshotPending = false;
        void loadSnapshot();
      });
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
      if (options.streamUrl)
        closers.push(streamFeed(feed, options.streamUrl, options.streamHeaders));
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
