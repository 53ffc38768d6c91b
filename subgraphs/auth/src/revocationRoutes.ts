import { encodeSnapshot, streamMessages, type RevocationSource } from '@grahvani/shared';
import type express from 'express';
import type { Db } from './db.ts';
import { loadSnapshot } from './revocation.ts';

const HEARTBEAT_MS = 15_000;

/**
 * GET /revocations (JSON snapshot from the table, for replicas starting up) and
 * GET /revocations/stream (server-sent events: every current revocation, `ready`, then each
 * new one), for verifiers that have no database connection of their own (the gateway).
 */
export function revocationRoutes(
  app: express.Express,
  db: Db,
  source: RevocationSource,
): { endStreams(): void } {
  const open = new Set<express.Response>();
  app.get('/revocations', async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(encodeSnapshot(await loadSnapshot(db)));
  });
  app.get('/revocations/stream', (req, res) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    open.add(res);
    // Subscribe before listing the current set, so nothing falls in between (a revocation
    // sent twice is harmless: the set only accumulates).
    const unsubscribe = source.subscribe((revocation) =>
      res.write(streamMessages.revocation(revocation)),
    );
    const heartbeat = setInterval(() => res.write(streamMessages.heartbeat), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    });
    // `ready` promises the complete set: only once this replica's own source is in sync.
    void source.whenLoaded().then(() => {
      if (!open.has(res)) return;
      for (const revocation of source.entries()) res.write(streamMessages.revocation(revocation));
      res.write(streamMessages.ready);
    });
  });
  // Streams never end by themselves; a stopping server ends them so it can close at once.
  return { endStreams: () => open.forEach((res) => res.end()) };
}
