// A revocation source driven by a scripted transport (no database, no network): when it loads
// snapshots, how it coalesces them, in which order account changes reach the service, and
// when it is ready.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import type { AccountEvent, RevocationSnapshot } from '../../src/revocation/codec.ts';
import type { AccountSync } from '../../src/revocation/accountQueue.ts';
import { createRevocationSource } from '../../src/revocation/revocationSource.ts';
import type { Transport, TransportEvents } from '../../src/revocation/transport.ts';

const logger = createLogger('test', 'silent');
const soon = () => Date.now() + 60_000;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A transport whose connection the test controls. */
function scriptedTransport(resendsAll = false) {
  let events!: TransportEvents;
  const transport: Transport = {
    name: 'scripted',
    resendsAll,
    start(given) {
      events = given;
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
  return { transport, events: () => events };
}

/** Snapshot loads that the test answers one by one. */
function scriptedSnapshots() {
  const pending: ReturnType<typeof deferred<RevocationSnapshot>>[] = [];
  return {
    load: () => {
      const load = deferred<RevocationSnapshot>();
      pending.push(load);
      return load.promise;
    },
    pending,
  };
}

/** Records what reaches the service, in order. */
function recordingAccounts() {
  const applied: (AccountEvent | { snapshot: string[] })[] = [];
  const accounts: AccountSync = {
    snapshot: (ids) => (applied.push({ snapshot: ids }), Promise.resolve()),
    event: (event) => (applied.push(event), Promise.resolve()),
  };
  return { accounts, applied };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('revocation source over a transport that needs snapshots', () => {
  it('loads a snapshot after each connection and is ready after the first', async () => {
    const { transport, events } = scriptedTransport();
    const snapshots = scriptedSnapshots();
    const source = createRevocationSource({
      logger,
      transport,
      snapshot: snapshots.load,
      startTimeoutMs: 10,
    });
    await source.start();
    expect(snapshots.pending).toHaveLength(0);
    expect(source.loaded).toBe(false);

    events().connected();
    expect(snapshots.pending).toHaveLength(1);
    snapshots.pending[0]!.resolve({ revocations: [{ sessionId: 'a', expiresAt: soon() }] });
    await source.whenLoaded();
    expect(source.isRevoked({ sessionId: 'a' })).toBe(true);

    events().lost(new Error('gone'));
    events().connected();
    expect(snapshots.pending).toHaveLength(2);
    await source.close();
  });

  it('asks for one more snapshot when a reconnection happens during one, not one per request', async () => {
    const { transport, events } = scriptedTransport();
    const snapshots = scriptedSnapshots();
    const source = createRevocationSource({ logger, transport, snapshot: snapshots.load });
    void source.start();
    events().connected();
    events().lost('x');
    events().connected();
    events().lost('x');
    events().connected();
    expect(snapshots.pending).toHaveLength(1);
    // The first snapshot spanned reconnections: applied, but not in sync.
    snapshots.pending[0]!.resolve({ revocations: [] });
    await flush();
    expect(source.loaded).toBe(false);
    expect(snapshots.pending).toHaveLength(2);
    snapshots.pending[1]!.resolve({ revocations: [] });
    await source.whenLoaded();
    expect(snapshots.pending).toHaveLength(2);
    await source.close();
  });

  it('retries a failed snapshot after the delay', async () => {
    const { transport, events } = scriptedTransport();
    const snapshots = scriptedSnapshots();
    const source = createRevocationSource({
      logger,
      transport,
      snapshot: snapshots.load,
      reconnectDelayMs: 20,
    });
    void source.start();
    events().connected();
    snapshots.pending[0]!.reject(new Error('auth service down'));
    await flush();
    expect(snapshots.pending).toHaveLength(1);
    await expect.poll(() => snapshots.pending.length).toBe(2);
    snapshots.pending[1]!.resolve({ revocations: [] });
    await source.whenLoaded();
    await source.close();
  });

  it('applies account changes announced during a snapshot after it, in order', async () => {
    const { transport, events } = scriptedTransport();
    const snapshots = scriptedSnapshots();
    const { accounts, applied } = recordingAccounts();
    const source = createRevocationSource({
      logger,
      transport,
      snapshot: snapshots.load,
      accounts,
    });
    void source.start();
    events().connected();
    // The snapshot was read before u1's restore was committed.
    events().account({ userId: 'u1', deleted: false });
    snapshots.pending[0]!.resolve({ revocations: [], deletedAccounts: ['u1'] });
    await source.whenLoaded();
    events().account({ userId: 'u2', deleted: true });
    await expect.poll(() => applied.length).toBe(3);
    expect(applied).toEqual([
      { snapshot: ['u1'] },
      { userId: 'u1', deleted: false },
      { userId: 'u2', deleted: true },
    ]);
    await source.close();
  });

  it('tells subscribers about each newly revoked session once, from either path', async () => {
    const { transport, events } = scriptedTransport();
    const snapshots = scriptedSnapshots();
    const source = createRevocationSource({ logger, transport, snapshot: snapshots.load });
    const seen: string[] = [];
    source.subscribe((r) => seen.push(r.sessionId));
    void source.start();
    events().connected();
    events().revoked({ sessionId: 'live', expiresAt: soon() });
    snapshots.pending[0]!.resolve({
      revocations: [
        { sessionId: 'live', expiresAt: soon() },
        { sessionId: 'old', expiresAt: soon() },
      ],
    });
    await source.whenLoaded();
    expect(seen).toEqual(['live', 'old']);
    await source.close();
  });

  it('refuses a transport without a snapshot loader when it needs one', () => {
    expect(() =>
      createRevocationSource({ logger, transport: scriptedTransport().transport }),
    ).toThrow();
  });
});

describe('revocation source over a transport that resends everything', () => {
  it('is ready when the transport says its set is complete, and never asks for a snapshot', async () => {
    const { transport, events } = scriptedTransport(true);
    const source = createRevocationSource({ logger, transport, startTimeoutMs: 10 });
    await source.start();
    events().connected();
    events().revoked({ sessionId: 'a', expiresAt: soon() });
    expect(source.loaded).toBe(false);
    events().complete();
    expect(source.loaded).toBe(true);
    expect(source.isRevoked({ sessionId: 'a' })).toBe(true);
    await source.close();
  });
});
