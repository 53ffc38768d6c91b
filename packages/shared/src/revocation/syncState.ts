// The ordering rules of a revocation source, as pure state (no I/O, no timers, clock injected)
// so that they are tested without a database. The transports only report what happened; this
// decides what it means.
//
// 1. Revocations only accumulate. A session's entry is kept until the latest expiry any message
//    gave it; nothing removes it earlier. Snapshot and live messages therefore commute: in
//    whatever order they interleave, and however often one repeats, the set is the same.
// 2. Account events state the account's new state and are applied in arrival order. While a
//    snapshot is loading, they are held: the snapshot may have been read before or after them,
//    so they are replayed, in order, after it. (PostgreSQL delivers NOTIFYs in commit order.)
// 3. Each live connection is an epoch. Messages sent while no connection was up are lost, so the
//    source is in sync only when a complete picture was taken inside the current epoch: a
//    snapshot that began and finished while the same connection was up, or a transport that
//    itself resends everything after connecting (the stream's `ready`). A snapshot that spans a
//    reconnect is applied (by rule 1 it only adds) but does not count: the reconnect asks for
//    another one.
// 4. Readiness: the source is loaded once it has been in sync once, and stays loaded through
//    later outages (rule 3 repairs them on reconnect); until then tokens are refused.
import type { AccountEvent, Revocation, RevocationSnapshot } from './codec.ts';

/** A snapshot load in progress: the epoch it began in, and whether a connection was up. */
export interface SnapshotTicket {
  readonly epoch: number;
  readonly live: boolean;
}

export interface SnapshotOutcome {
  /** Sessions revoked by this snapshot that were not known before. */
  added: Revocation[];
  /** The account events to apply after the snapshot's deleted accounts, in order (rule 2). */
  replay: AccountEvent[];
  /** Whether the snapshot brought the source in sync (rule 3). */
  synced: boolean;
}

export class SyncState {
  #revoked = new Map<string, number>();
  #epoch = 0;
  #live = false;
  #held: AccountEvent[] | null = null;
  #loaded = false;
  #updatedAt: number | undefined;
  #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  get loaded(): boolean {
    return this.#loaded;
  }
  get live(): boolean {
    return this.#live;
  }
  /** Sessions held (including any expired but not yet pruned). */
  get size(): number {
    return this.#revoked.size;
  }
  /** When the set last loaded or changed (epoch ms). */
  get updatedAt(): number | undefined {
    return this.#updatedAt;
  }

  /** A live connection is up: a new epoch begins. */
  connected(): void {
    this.#epoch += 1;
    this.#live = true;
  }

  /** The live connection is gone: messages may be lost until the next `connected()`. */
  lost(): void {
    this.#live = false;
  }

  /** Rule 1. Returns true when the session was not revoked before (for subscribers). */
  revoked({ sessionId, expiresAt }: Revocation): boolean {
    const now = this.#now();
    if (expiresAt <= now) return false;
    const known = this.#revoked.get(sessionId);
    const isNew = known === undefined || known <= now;
    if (isNew || expiresAt > known) this.#revoked.set(sessionId, expiresAt);
    this.#updatedAt = now;
    return isNew;
  }

  /** Rule 2. The events to apply now: none while a snapshot is loading (held for its replay). */
  account(event: AccountEvent): AccountEvent[] {
    if (this.#held) {
      this.#held.push(event);
      return [];
    }
    return [event];
  }

  /** Starts a snapshot load (one at a time). */
  beginSnapshot(): SnapshotTicket {
    if (this.#held) throw new Error('a snapshot is already loading');
    this.#held = [];
    return { epoch: this.#epoch, live: this.#live };
  }

  /** Applies a loaded snapshot's revocations and says what follows (rules 1 to 4). */
  applySnapshot(ticket: SnapshotTicket, snapshot: RevocationSnapshot): SnapshotOutcome {
    const added = snapshot.revocations.filter((revocation) => this.revoked(revocation));
    const replay = this.#release();
    const synced = ticket.live && this.#live && ticket.epoch === this.#epoch;
    if (synced) this.#synced();
    return { added, replay, synced };
  }

  /** A snapshot load failed: the held account events are applied now, in order. */
  abandonSnapshot(): AccountEvent[] {
    return this.#release();
  }

  /** A transport that resends everything after connecting has done so (rule 3). */
  complete(): boolean {
    if (this.#live) this.#synced();
    return this.#live;
  }

  isRevoked(sessionId: string): boolean {
    return (this.#revoked.get(sessionId) ?? 0) > this.#now();
  }

  /** Current (unexpired) revocations. */
  entries(): Revocation[] {
    const now = this.#now();
    return [...this.#revoked]
      .filter(([, expiresAt]) => expiresAt > now)
      .map(([sessionId, expiresAt]) => ({ sessionId, expiresAt }));
  }

  /** Forgets revocations whose tokens have expired anyway. */
  prune(): void {
    const now = this.#now();
    for (const [sessionId, expiresAt] of this.#revoked) {
      if (expiresAt <= now) this.#revoked.delete(sessionId);
    }
  }

  #release(): AccountEvent[] {
    const held = this.#held ?? [];
    this.#held = null;
    return held;
  }

  #synced(): void {
    this.#loaded = true;
    this.#updatedAt = this.#now();
  }
}
