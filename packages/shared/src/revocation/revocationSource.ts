import type { Logger } from '../logger.ts';
import type { Identity } from '../tokens.ts';
import { createAccountQueue, type AccountSync } from './accountQueue.ts';
import type { Revocation } from './codec.ts';
import { SyncState } from './syncState.ts';
import type { SnapshotLoader, Transport, TransportEvents } from './transport.ts';

export interface RevocationSourceOptions {
  logger: Logger;
  /** The live feed: listenTransport (with `snapshot`) or streamTransport. */
  transport: Transport;
  /** The complete picture, loaded after each connection of a transport that does not resend it. */
  snapshot?: SnapshotLoader;
  /** Receives account deletions (from the live feed and the snapshot). */
  accounts?: AccountSync;
  /** How long `start()` waits for the first sync before serving anyway (default 5000 ms). */
  startTimeoutMs?: number;
  reconnectDelayMs?: number;
}

/**
 * The revoked sessions every token verifier keeps in memory, so that a revoked session's access
 * token is refused within a second on every replica with no database query per request. Which
 * transport feeds it is hidden behind this interface; the ordering rules are in syncState.ts.
 */
export interface RevocationSource {
  /** For `createTokenVerifier({ isRevoked })`: an in-memory lookup, no I/O. */
  isRevoked(identity: Pick<Identity, 'sessionId'>): boolean;
  /** Current (unexpired) revocations. */
  entries(): Revocation[];
  /** Calls `listener` for each session revoked from now on; returns the unsubscribe. */
  subscribe(listener: (revocation: Revocation) => void): () => void;
  /**
   * True once the source has been in sync (a complete picture taken on a live connection).
   * Until then the service is not ready and refuses access tokens: it could not tell a revoked
   * one. It stays true through later outages, which a resync repairs on reconnection.
   */
  readonly loaded: boolean;
  /** Resolves once `loaded` is true. */
  whenLoaded(): Promise<void>;
  /** Sessions held (including any expired but not yet pruned). */
  readonly size: number;
  /** When the list last loaded or changed (epoch ms), for its age in /metrics. */
  readonly updatedAt: number | undefined;
  /** Connects and loads; keeps retrying in the background if a source is down. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Creates a revocation source fed by `transport` (plus `snapshot` for LISTEN). */
export function createRevocationSource(options: RevocationSourceOptions): RevocationSource {
  const { logger, transport, accounts } = options;
  if (!transport.resendsAll && !options.snapshot) {
    throw new Error(`revocations: the ${transport.name} needs a snapshot loader`);
  }
  const state = new SyncState();
  const listeners = new Set<(revocation: Revocation) => void>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  let resolveLoaded: () => void = () => {};
  const firstLoad = new Promise<void>((resolve) => (resolveLoaded = resolve));
  // Services start together, so the auth service may not answer yet: say so once, not per retry.
  let failures = 0;
  const failed = (what: string, err: unknown, expected = false) => {
    const reason = err instanceof Error ? String(err.cause ?? err) : String(err);
    if (expected) logger.debug(`revocations: ${what} closed by the server (${reason})`);
    else if (failures++ === 0) logger.warn(`revocations: ${what} failed (${reason}); retrying`);
    else logger.debug(`revocations: ${what} failed again (${reason})`);
  };
  const retry = (fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) fn();
    }, options.reconnectDelayMs ?? 1_000);
    timers.add(timer);
  };
  const synced = () => {
    if (failures > 0) logger.info('revocations: in sync again');
    failures = 0;
    resolveLoaded();
  };
  const publish = (revocation: Revocation) => {
    for (const listener of listeners) listener(revocation);
  };

  const accountQueue = createAccountQueue(accounts, logger);

  // One snapshot load at a time: while one is in flight or waiting to retry, another request
  // (a reconnection) only asks for one more load after it, so retry loops never multiply.
  let loading = false;
  let again = false;
  async function loadSnapshot(): Promise<void> {
    if (!options.snapshot || closed) return;
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    const ticket = state.beginSnapshot();
    try {
      const snapshot = await options.snapshot();
      for (const revocation of snapshot.revocations)
        if (state.revoked(revocation)) publish(revocation);
      await accountQueue.snapshot(snapshot.deletedAccounts);
      const outcome = state.applySnapshot(ticket, snapshot);
      accountQueue.events(outcome.replay);
      if (outcome.synced) synced();
      loading = false;
      if (again) {
        again = false;
        await loadSnapshot();
      }
    } catch (err) {
      accountQueue.events(state.abandonSnapshot());
      failed('snapshot', err);
      again = false;
      retry(() => {
        loading = false;
        void loadSnapshot();
      });
    }
  }

  const events: TransportEvents = {
    connected() {
      state.connected();
      if (!transport.resendsAll) void loadSnapshot();
    },
    lost(err, expected) {
      state.lost();
      failed(transport.name, err, expected);
    },
    revoked(revocation) {
      if (state.revoked(revocation)) publish(revocation);
    },
    account: (event) => accountQueue.events(state.account(event)),
    complete() {
      if (state.complete()) synced();
    },
    retry,
    isClosed: () => closed,
  };

  const prune = setInterval(() => state.prune(), 60_000);
  prune.unref();

  return {
    isRevoked: ({ sessionId }) => state.isRevoked(sessionId),
    entries: () => state.entries(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get loaded() {
      return state.loaded;
    },
    whenLoaded: () => firstLoad,
    get size() {
      return state.size;
    },
    get updatedAt() {
      return state.updatedAt;
    },
    async start() {
      await transport.start(events);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.startTimeoutMs ?? 5_000);
      });
      await Promise.race([firstLoad, timeout]);
      clearTimeout(timer);
      if (!state.loaded) logger.warn('revocations: not loaded yet; serving while retrying');
    },
    async close() {
      closed = true;
      clearInterval(prune);
      for (const timer of timers) clearTimeout(timer);
      await transport.close();
    },
  };
}
