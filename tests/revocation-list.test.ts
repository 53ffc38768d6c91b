// The in-memory revocation source every verifier keeps, through its real transports: LISTEN
// (reloaded from the snapshot after a lost connection) and the event stream; entries dropped
// once the revoked tokens would have expired anyway. The ordering rules themselves are unit
// tested in packages/shared/tests/revocation/syncState.test.ts.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  REVOCATION_CHANNEL,
  createLogger,
  createRevocationSource,
  encodeRevocation,
  listenTransport,
  streamTransport,
  type Revocation,
  type RevocationSource,
} from '@grahvani/shared';

describe('revocation list', () => {
  const urls = inject('databaseUrls');
  const applicationName = `revocation-test-${randomUUID()}`;
  const snapshot: Revocation[] = [];
  let list: RevocationSource;
  let owner: pg.Client;

  beforeAll(async () => {
    owner = new pg.Client({ connectionString: urls.owner });
    await owner.connect();
    list = createRevocationSource({
      logger: createLogger('test', 'silent'),
      // LISTEN works for any role that may connect, here the clients service's.
      transport: listenTransport(urls.clients, applicationName),
      snapshot: async () => ({ revocations: [...snapshot] }),
      reconnectDelayMs: 100,
    });
    await list.start();
  });
  afterAll(async () => {
    await list?.close();
    await owner?.end();
  });

  const notify = (revocation: Revocation) =>
    owner.query('SELECT pg_notify($1, $2)', [REVOCATION_CHANNEL, encodeRevocation(revocation)]);
  const soon = () => Date.now() + 60_000;

  it('loads the snapshot at start and takes notifications as they come', async () => {
    expect(list.loaded).toBe(true);
    const sessionId = randomUUID();
    expect(list.isRevoked({ sessionId })).toBe(false);
    await notify({ sessionId, expiresAt: soon() });
    await expect.poll(() => list.isRevoked({ sessionId }), { timeout: 1_000 }).toBe(true);
  });

  it('reconnects after losing its connection and reloads what it missed', async () => {
    const missed = randomUUID();
    snapshot.push({ sessionId: missed, expiresAt: soon() });
    const killed = await owner.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [applicationName],
    );
    expect(killed.rowCount).toBe(1);
    await expect.poll(() => list.isRevoked({ sessionId: missed }), { timeout: 3_000 }).toBe(true);
    const after = randomUUID();
    await expect
      .poll(
        async () => {
          await notify({ sessionId: after, expiresAt: soon() });
          return list.isRevoked({ sessionId: after });
        },
        { timeout: 3_000, interval: 100 },
      )
      .toBe(true);
  });

  it('forgets revocations once the tokens they refuse have expired', async () => {
    const past = randomUUID();
    const brief = randomUUID();
    const marker = randomUUID();
    await notify({ sessionId: past, expiresAt: Date.now() - 1 });
    await notify({ sessionId: brief, expiresAt: Date.now() + 400 });
    await notify({ sessionId: marker, expiresAt: soon() });
    // Notifications arrive in order: once the last one is in, the others have been handled.
    await expect.poll(() => list.isRevoked({ sessionId: marker }), { timeout: 1_000 }).toBe(true);
    expect(list.isRevoked({ sessionId: past })).toBe(false);
    expect(list.isRevoked({ sessionId: brief })).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(list.isRevoked({ sessionId: brief })).toBe(false);
    expect(list.entries().some((r) => r.sessionId === brief)).toBe(false);
  });

  it('follows an event stream, and reconnects and reloads when it ends', async () => {
    const first = randomUUID();
    const second = randomUUID();
    let connections = 0;
    // A stand-in for the auth service: the first connection sends one revocation and hangs up.
    const server = http.createServer((_req, res) => {
      connections++;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${encodeRevocation({ sessionId: first, expiresAt: soon() })}\n\n`);
      res.write('event: ready\ndata: \n\n');
      if (connections === 1) res.end();
      else res.write(`data: ${encodeRevocation({ sessionId: second, expiresAt: soon() })}\n\n`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const streamed = createRevocationSource({
      logger: createLogger('test', 'silent'),
      transport: streamTransport(`http://127.0.0.1:${port}/revocations/stream`),
      reconnectDelayMs: 50,
    });
    try {
      await streamed.start();
      expect(streamed.loaded).toBe(true);
      expect(streamed.isRevoked({ sessionId: first })).toBe(true);
      await expect
        .poll(() => streamed.isRevoked({ sessionId: second }), { timeout: 2_000 })
        .toBe(true);
      expect(connections).toBeGreaterThanOrEqual(2);
    } finally {
      await streamed.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
