import pg from 'pg';
import type { TokenConfig } from './config.ts';
import type { Logger } from './logger.ts';
import { createTokenVerifier, type Identity, type TokenVerifier } from './tokens.ts';

/** A revoked session: its access tokens are refused until `expiresAt` (epoch ms), when they expire anyway. */
export interface Revocation {
  sessionId: string;
  expiresAt: number;
}

/** The PostgreSQL channel on which the auth service announces revocations. */
export const REVOCATION_CHANNEL = 'auth_revocations';

/** `<session id> <expiry in epoch ms>`: the payload of a NOTIFY and of a server-sent event. */
export function encodeRevocation({ sessionId, expiresAt }: Revocation): string {
  return `${sessionId} ${expiresAt}`;
}

export function decodeRevocation(payload: string): Revocation | null {
  const [sessionId, expiry] = payload.trim().split(' ');
  const expiresAt = Number(expiry);
  return sessionId && Number.isFinite(expiresAt) ? { sessionId, expiresAt } : null;
}

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
  const reconnectDelayMs = options.reconnectDelayMs ?? 1_000;
  let closed = false;
  let loaded = false;
  let markLoaded: () => void = () => {};
  const firstLoad = new Promise<void>((resolve) => {
    markLoaded = () => {
      loaded = true;
      resolve();
    };
  });
  const timers = new Set<NodeJS.Timeout>();
  const later = (fn: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) fn();
    }, ms);
    timers.add(timer);
  };

  function add(revocation: Revocation) {
    if (revocation.expiresAt <= Date.now()) return;
    const known = revoked.get(revocation.sessionId) ?? 0;
    if (revocation.expiresAt > known) revoked.set(revocation.sessionId, revocation.expiresAt);
    if (!known) for (const listener of listeners) listener(revocation);
  }

  const prune = setInterval(() => {
    const now = Date.now();
    for (const [sessionId, expiresAt] of revoked) if (expiresAt <= now) revoked.delete(sessionId);
  }, 60_000);
  prune.unref();

  async function loadSnapshot(): Promise<void> {
    if (!options.snapshot) return;
    try {
      for (const revocation of await options.snapshot()) add(revocation);
      markLoaded();
    } catch (err) {
      logger.warn({ err }, 'revocations: snapshot failed, retrying');
      later(() => void loadSnapshot(), reconnectDelayMs);
    }
  }

  let listener: pg.Client | undefined;
  async function listen(): Promise<void> {
    if (!options.listenUrl || closed) return;
    const client = new pg.Client({
      connectionString: options.listenUrl,
      application_name: options.applicationName ?? 'grahvani-revocations',
      keepAlive: true,
    });
    let failed = false;
    const fail = (err?: Error) => {
      if (failed || closed) return;
      failed = true;
      listener = undefined;
      logger.warn({ err }, 'revocations: LISTEN connection lost, reconnecting');
      client.end().catch(() => {});
      // Notifications sent while disconnected are lost: reload the snapshot once back.
      later(() => void listen().then(loadSnapshot), reconnectDelayMs);
    };
    client.on('error', fail);
    client.on('end', () => fail());
    client.on('notification', (message) => {
      const revocation = message.payload ? decodeRevocation(message.payload) : null;
      if (message.channel === REVOCATION_CHANNEL && revocation) add(revocation);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${REVOCATION_CHANNEL}`);
      listener = client;
      if (!options.snapshot) markLoaded();
    } catch (err) {
      fail(err as Error);
    }
  }

  let stream: AbortController | undefined;
  async function follow(): Promise<void> {
    if (!options.streamUrl || closed) return;
    const controller = new AbortController();
    stream = controller;
    // The server sends a comment every 15 s; silence for longer means a dead connection.
    let idle: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => controller.abort(), 45_000);
    };
    try {
      touch();
      const res = await fetch(options.streamUrl, {
        headers: { accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (!res.ok || !res.body) throw new Error(`revocation stream answered ${res.status}`);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        touch();
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          handleEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (err) {
      if (!closed) logger.warn({ err }, 'revocations: stream failed, reconnecting');
    } finally {
      clearTimeout(idle);
    }
    later(() => void follow(), reconnectDelayMs);
  }

  function handleEvent(event: string) {
    const lines = event.split('\n');
    if (lines.includes('event: ready')) return markLoaded();
    for (const line of lines) {
      const revocation = line.startsWith('data: ') ? decodeRevocation(line.slice(6)) : null;
      if (revocation) add(revocation);
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
    async start() {
      // LISTEN before the snapshot, so nothing revoked in between is missed.
      await listen();
      await loadSnapshot();
      void follow();
      const timeout = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.startTimeoutMs ?? 5_000);
        void firstLoad.then(() => clearTimeout(timer));
      });
      await Promise.race([firstLoad, timeout]);
      if (!loaded) logger.warn('revocations: not loaded yet; serving while retrying');
    },
    async close() {
      closed = true;
      clearInterval(prune);
      for (const timer of timers) clearTimeout(timer);
      stream?.abort();
      await listener?.end().catch(() => {});
    },
  };
}

/** A snapshot loader for the auth service's `GET /revocations` (JSON). */
export function httpRevocationSnapshot(url: string): () => Promise<Revocation[]> {
  return async () => {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
    const body = (await res.json()) as { revocations?: { sessionId: string; expiresAt: string }[] };
    return (body.revocations ?? []).map((r) => ({
      sessionId: r.sessionId,
      expiresAt: Date.parse(r.expiresAt),
    }));
  };
}

/** The auth service's revocation endpoints, next to its JWKS (the one URL every verifier has). */
export function revocationUrls(jwksUrl: string): { snapshot: string; stream: string } {
  return {
    snapshot: new URL('/revocations', jwksUrl).toString(),
    stream: new URL('/revocations/stream', jwksUrl).toString(),
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
