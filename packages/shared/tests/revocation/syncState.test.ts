// The ordering rules of a revocation source (src/revocation/syncState.ts), without a database:
// how snapshots and live messages interleave, what a reconnect during a snapshot means, and
// when the source counts as loaded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountEvent, Revocation } from '../../src/revocation/codec.ts';
import { SyncState } from '../../src/revocation/syncState.ts';

const NOW = 1_000_000;
const at = (expiresAt: number, sessionId = 's1'): Revocation => ({ sessionId, expiresAt });
const deleted = (userId: string): AccountEvent => ({ userId, deleted: true });
const restored = (userId: string): AccountEvent => ({ userId, deleted: false });

function stateAt(now = NOW) {
  const clock = { now };
  return { state: new SyncState(() => clock.now), clock };
}

describe('revocations (rule 1: they only accumulate)', () => {
  it('keeps the latest expiry, and reports a session as new only once', () => {
    const { state } = stateAt();
    expect(state.revoked(at(NOW + 500))).toBe(true);
    expect(state.revoked(at(NOW + 100))).toBe(false);
    expect(state.revoked(at(NOW + 900))).toBe(false);
    expect(state.entries()).toEqual([at(NOW + 900)]);
  });

  it('ignores revocations that have expired, and forgets them once expired', () => {
    const { state, clock } = stateAt();
    expect(state.revoked(at(NOW))).toBe(false);
    expect(state.isRevoked('s1')).toBe(false);
    state.revoked(at(NOW + 10, 's2'));
    expect(state.isRevoked('s2')).toBe(true);
    clock.now = NOW + 10;
    expect(state.isRevoked('s2')).toBe(false);
    expect(state.entries()).toEqual([]);
    expect(state.size).toBe(1);
    state.prune();
    expect(state.size).toBe(0);
    // Revoked again after it expired: new again (the stream resends it to subscribers).
    expect(state.revoked(at(NOW + 50, 's2'))).toBe(true);
  });

  it('ends with the same set whatever order snapshot and live messages arrive in', () => {
    const revocation = fc.record({
      sessionId: fc.constantFrom('a', 'b', 'c'),
      expiresAt: fc.integer({ min: NOW - 50, max: NOW + 100 }),
    });
    fc.assert(
      fc.property(fc.array(revocation), fc.array(revocation), (snapshot, live) => {
        const apply = (order: ('snapshot' | Revocation)[]) => {
          const { state } = stateAt();
          state.connected();
          for (const step of order) {
            if (step !== 'snapshot') state.revoked(step);
            else state.applySnapshot(state.beginSnapshot(), { revocations: snapshot });
          }
          return state.entries().sort((x, y) => x.sessionId.localeCompare(y.sessionId));
        };
        const first = apply(['snapshot', ...live]);
        expect(apply([...live, 'snapshot'])).toEqual(first);
        expect(apply([...live.slice(0, 1), 'snapshot', ...live.slice(1), 'snapshot'])).toEqual(
          first,
        );
      }),
    );
  });

  it('reports a snapshot’s sessions that were not known yet', () => {
    const { state } = stateAt();
    state.connected();
    state.revoked(at(NOW + 100, 'live'));
    const outcome = state.applySnapshot(state.beginSnapshot(), {
      revocations: [at(NOW + 100, 'live'), at(NOW + 100, 'old')],
    });
    expect(outcome.added).toEqual([at(NOW + 100, 'old')]);
  });
});

describe('account events (rule 2: held during a snapshot, replayed after it)', () => {
  it('applies events at once while no snapshot is loading', () => {
    const { state } = stateAt();
    expect(state.account(deleted('u1'))).toEqual([deleted('u1')]);
  });

  it('replays the events that arrived during a snapshot after it, in arrival order', () => {
    const { state } = stateAt();
    state.connected();
    const ticket = state.beginSnapshot();
    // The snapshot was read before these commits, or after some of them: replaying all of
    // them after it, in order, ends in the latest state either way.
    expect(state.account(restored('u1'))).toEqual([]);
    expect(state.account(deleted('u2'))).toEqual([]);
    expect(state.account(deleted('u1'))).toEqual([]);
    const outcome = state.applySnapshot(ticket, { revocations: [], deletedAccounts: ['u1'] });
    expect(outcome.replay).toEqual([restored('u1'), deleted('u2'), deleted('u1')]);
    expect(state.account(restored('u2'))).toEqual([restored('u2')]);
  });

  it('releases the held events when the snapshot fails', () => {
    const { state } = stateAt();
    state.beginSnapshot();
    state.account(deleted('u1'));
    expect(state.abandonSnapshot()).toEqual([deleted('u1')]);
    expect(state.account(deleted('u2'))).toEqual([deleted('u2')]);
    // And a new snapshot may begin.
    expect(() => state.beginSnapshot()).not.toThrow();
  });

  it('loads one snapshot at a time', () => {
    const { state } = stateAt();
    state.beginSnapshot();
    expect(() => state.beginSnapshot()).toThrow();
  });
});

describe('sync (rules 3 and 4: a complete picture inside one connection)', () => {
  it('is loaded once a snapshot began and ended on the same live connection', () => {
    const { state } = stateAt();
    expect(state.loaded).toBe(false);
    state.connected();
    const outcome = state.applySnapshot(state.beginSnapshot(), { revocations: [] });
    expect(outcome.synced).toBe(true);
    expect(state.loaded).toBe(true);
    expect(state.updatedAt).toBe(NOW);
  });

  it('does not count a snapshot taken while no connection was up', () => {
    const { state } = stateAt();
    const ticket = state.beginSnapshot();
    state.connected();
    const outcome = state.applySnapshot(ticket, { revocations: [at(NOW + 100)] });
    // Applied (revocations only add), but what was announced before the connection is lost.
    expect(state.isRevoked('s1')).toBe(true);
    expect(outcome.synced).toBe(false);
    expect(state.loaded).toBe(false);
  });

  it('does not count a snapshot that spans a reconnection', () => {
    const { state } = stateAt();
    state.connected();
    const ticket = state.beginSnapshot();
    state.lost();
    state.connected();
    expect(state.applySnapshot(ticket, { revocations: [] }).synced).toBe(false);
    expect(state.loaded).toBe(false);
    // The reconnection's own snapshot does.
    expect(state.applySnapshot(state.beginSnapshot(), { revocations: [] }).synced).toBe(true);
  });

  it('does not count a snapshot that ends after the connection was lost', () => {
    const { state } = stateAt();
    state.connected();
    const ticket = state.beginSnapshot();
    state.lost();
    expect(state.applySnapshot(ticket, { revocations: [] }).synced).toBe(false);
  });

  it('counts a transport’s own complete set only on a live connection', () => {
    const { state } = stateAt();
    expect(state.complete()).toBe(false);
    expect(state.loaded).toBe(false);
    state.connected();
    expect(state.complete()).toBe(true);
    expect(state.loaded).toBe(true);
  });

  it('stays loaded through a later outage', () => {
    const { state } = stateAt();
    state.connected();
    state.complete();
    state.lost();
    expect(state.live).toBe(false);
    expect(state.loaded).toBe(true);
  });
});
