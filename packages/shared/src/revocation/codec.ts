// What travels on the revocation transports, and how it is written: the payload of a NOTIFY on
// REVOCATION_CHANNEL, the messages of the auth service's event stream, and the snapshot's shape.
// Both ends (the auth service that announces, every verifier that listens) use these functions.

/** A revoked session: its access tokens are refused until `expiresAt` (epoch ms). */
export interface Revocation {
  sessionId: string;
  expiresAt: number;
}

/**
 * A change of an account's existence for the other services: `deleted` when its status became
 * DELETED, `restored` when it left DELETED. Each event states the account's new state (not a
 * toggle), so applying it twice, or after a snapshot that already holds it, changes nothing.
 */
export interface AccountEvent {
  userId: string;
  deleted: boolean;
}

/** Everything a verifier loads to be complete: current revocations and the deleted accounts. */
export interface RevocationSnapshot {
  revocations: Revocation[];
  /** Ids of every account whose status is DELETED (absent: the source does not say). */
  deletedAccounts?: string[];
}

/** The PostgreSQL channel on which the auth service announces revocations and account changes. */
export const REVOCATION_CHANNEL = 'auth_revocations';

/** `<session id> <expiry in epoch ms>`: the payload of a NOTIFY and of a server-sent event. */
export function encodeRevocation({ sessionId, expiresAt }: Revocation): string {
  return `${sessionId} ${expiresAt}`;
}

export function decodeRevocation(payload: string): Revocation | null {
  const [sessionId, expiry, ...rest] = payload.trim().split(' ');
  const expiresAt = Number(expiry);
  if (!sessionId || rest.length > 0 || !Number.isFinite(expiresAt)) return null;
  return { sessionId, expiresAt };
}

/** `account <user id> deleted|restored`, on the same channel (revocation decoding refuses it). */
export function encodeAccountEvent({ userId, deleted }: AccountEvent): string {
  return `account ${userId} ${deleted ? 'deleted' : 'restored'}`;
}

export function decodeAccountEvent(payload: string): AccountEvent | null {
  const [kind, userId, change, ...rest] = payload.trim().split(' ');
  if (kind !== 'account' || !userId || rest.length > 0) return null;
  if (change !== 'deleted' && change !== 'restored') return null;
  return { userId, deleted: change === 'deleted' };
}

/** One message of the revocation channel, whichever kind it is; null for anything else. */
export function decodeChannelMessage(
  payload: string,
): { revocation: Revocation } | { account: AccountEvent } | null {
  const account = decodeAccountEvent(payload);
  if (account) return { account };
  const revocation = decodeRevocation(payload);
  return revocation ? { revocation } : null;
}

/**
 * The event stream (`GET /revocations/stream`, server-sent events): each current revocation,
 * then `ready` once they have all been sent, then each new revocation; a comment as heartbeat.
 */
export const streamMessages = {
  revocation: (revocation: Revocation) => `data: ${encodeRevocation(revocation)}\n\n`,
  ready: 'event: ready\ndata: \n\n',
  heartbeat: ': ping\n\n',
};

/** One server-sent event (the text between blank lines) of the stream. */
export function decodeStreamEvent(event: string): { revocation: Revocation } | 'ready' | null {
  const lines = event.split('\n');
  if (lines.includes('event: ready')) return 'ready';
  const data = lines.find((line) => line.startsWith('data: '));
  const revocation = data ? decodeRevocation(data.slice('data: '.length)) : null;
  return revocation ? { revocation } : null;
}
