// The sources that feed a revocation list: PostgreSQL LISTEN, the auth service's event stream
// and its JSON snapshot. Each reconnects on failure through the list's `Feed` hooks.
import pg from 'pg';

/** A revoked session: its access tokens are refused until `expiresAt` (epoch ms). */
export interface Revocation {
  sessionId: string;
  expiresAt: number;
}

/**
 * A change of an account's existence for the other services: `deleted` when its status became
 * DELETED, `restored` when it left DELETED. Sent on the revocation channel (payload
 * `account <user id> deleted|restored`), which revocation decoders ignore.
 */
export interface AccountEvent {
  userId: string;
  deleted: boolean;
}

/** Everything a starting verifier loads: current revocations and the deleted accounts. */
export interface RevocationSnapshot {
  revocations: Revocation[];
  /** Ids of every account whose status is DELETED (absent: the source does not say). */
  deletedAccounts?: string[];
}

export function encodeAccountEvent({ userId, deleted }: AccountEvent): string {
  return `account ${userId} ${deleted ? 'deleted' : 'restored'}`;
}

export function decodeAccountEvent(payload: string): AccountEvent | null {
  const [kind, userId, change] = payload.trim().split(' ');
  if (kind !== 'account' || !userId || (change !== 'deleted' && change !== 'restored')) return null;
  return { userId, deleted: change === 'deleted' };
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

/** What a feed needs from the list it feeds. */
export interface Feed {
  add(revocation: Revocation): void;
  /** An account was deleted or restored. */
  account(event: AccountEvent): void;
  /** The feed delivered a complete picture (snapshot or stream start). */
  loaded(): void;
  /** `expected`: an orderly stop of the database (not worth a warning; counts as no failure). */
  failed(what: string, err: unknown, expected?: boolean): void;
  recovered(): void;
  /** Runs `fn` after the reconnect delay unless the list has been closed. */
  retry(fn: () => void): void;
  isClosed(): boolean;
}

/**
 * LISTENs on a direct connection; on loss reconnects and, once connected again, calls
 * `reconnected` (to reload the snapshot: notifications sent meanwhile are lost). One
 * connection attempt at a time: a failed attempt schedules exactly one retry. Returns the
 * close function.
 */
export async function listenFeed(
  feed: Feed,
  url: string,
  applicationName: string,
  reconnected: () => Promise<void>,
): Promise<() => Promise<void>> {
  let current: pg.Client | undefined;
  const connect = async (): Promise<boolean> => {
    if (feed.isClosed()) return false;
    const client = new pg.Client({
      connectionString: url,
      application_name: applicationName,
      keepAlive: true,
    });
    let lost = false;
    const fail = (err?: Error) => {
      if (lost || feed.isClosed()) return;
      lost = true;
      current = undefined;
      // 57P01 (admin_shutdown): the server is stopping in order, as on Ctrl-C under npm start,
      // where the terminal signals PostgreSQL and the services at once. Retried all the same.
      const shutdown = (err as { code?: unknown } | undefined)?.code === '57P01';
      feed.failed('LISTEN connection', err ?? 'closed', shutdown);
      client.end().catch(() => {});
      // The snapshot is reloaded only after a connection succeeds: reloading after every failed
      // attempt would start one more snapshot retry loop per attempt during an outage.
      feed.retry(
        () =>
          void connect().then(async (connected) => {
            if (connected) await reconnected();
          }),
      );
    };
    client.on('error', fail);
    client.on('end', () => fail());
    client.on('notification', (message) => {
      if (message.channel !== REVOCATION_CHANNEL || !message.payload) return;
      const revocation = decodeRevocation(message.payload);
      if (revocation) return feed.add(revocation);
      const account = decodeAccountEvent(message.payload);
      if (account) feed.account(account);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${REVOCATION_CHANNEL}`);
      current = client;
      return true;
    } catch (err) {
      fail(err as Error);
      return false;
    }
  };
  await connect();
  return async () => {
    await current?.end().catch(() => {});
  };
}

// The server sends a comment every 15 s; silence for longer means a dead connection.
const STREAM_IDLE_MS = 45_000;

/**
 * Follows the auth service's server-sent events (every current revocation, `ready`, then each
 * new one), reconnecting whenever the stream ends. Returns the close function.
 */
export function streamFeed(
  feed: Feed,
  url: string,
  headers: Record<string, string> = {},
): () => void {
  let controller: AbortController | undefined;
  const handle = (event: string) => {
    const lines = event.split('\n');
    if (lines.includes('event: ready')) return feed.loaded();
    for (const line of lines) {
      const revocation = line.startsWith('data: ') ? decodeRevocation(line.slice(6)) : null;
      if (revocation) feed.add(revocation);
    }
  };
  const follow = async () => {
    if (feed.isClosed()) return;
    const abort = new AbortController();
    controller = abort;
    let idle: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => abort.abort(), STREAM_IDLE_MS);
    };
    try {
      touch();
      const res = await fetch(url, {
        headers: { ...headers, accept: 'text/event-stream' },
        signal: abort.signal,
      });
      if (!res.ok || !res.body) throw new Error(`revocation stream answered ${res.status}`);
      feed.recovered();
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
          handle(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (err) {
      if (!feed.isClosed()) feed.failed('stream', err);
    } finally {
      clearTimeout(idle);
    }
    feed.retry(() => void follow());
  };
  void follow();
  return () => controller?.abort();
}

/** A snapshot loader for the auth service's `GET /revocations` (JSON). */
export function httpRevocationSnapshot(
  url: string,
  headers: Record<string, string> = {},
): () => Promise<RevocationSnapshot> {
  return async () => {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
    const body = (await res.json()) as {
      revocations?: { sessionId: string; expiresAt: string }[];
      deletedAccounts?: string[];
    };
    return {
      revocations: (body.revocations ?? []).map((r) => ({
        sessionId: r.sessionId,
        expiresAt: Date.parse(r.expiresAt),
      })),
      deletedAccounts: body.deletedAccounts,
    };
  };
}

/** The auth service's revocation endpoints, next to its JWKS (the one URL every verifier has). */
export function revocationUrls(jwksUrl: string): { snapshot: string; stream: string } {
  return {
    snapshot: new URL('/revocations', jwksUrl).toString(),
    stream: new URL('/revocations/stream', jwksUrl).toString(),
  };
}
