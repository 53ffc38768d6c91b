import type { AccountEvent, Revocation, RevocationSnapshot } from './codec.ts';

/** What a transport reports to its revocation source (see syncState.ts for what it means). */
export interface TransportEvents {
  /** A connection is up: everything announced from now on will be delivered. */
  connected(): void;
  /**
   * The connection was lost or could not be made. `expected`: an orderly stop of the server
   * (not worth a warning). The transport retries through `retry` on its own.
   */
  lost(err: unknown, expected?: boolean): void;
  revoked(revocation: Revocation): void;
  account(event: AccountEvent): void;
  /** The transport has resent the complete current set on this connection. */
  complete(): void;
  /** Runs `fn` after the reconnect delay unless the source has been closed. */
  retry(fn: () => void): void;
  isClosed(): boolean;
}

/**
 * A live feed of revocations behind a `RevocationSource`: PostgreSQL LISTEN (listenTransport)
 * or the auth service's event stream (streamTransport). It keeps one connection, reconnecting
 * whenever it is lost, one attempt per retry interval.
 */
export interface Transport {
  /** Human name for logs. */
  readonly name: string;
  /**
   * True when the transport resends the complete set after each connection (and reports
   * `complete()`); false when the source must load a snapshot after each connection.
   */
  readonly resendsAll: boolean;
  /** Makes the first connection attempt (resolves once it has succeeded or failed). */
  start(events: TransportEvents): Promise<void>;
  close(): Promise<void>;
}

/** Loads the complete current picture (for transports that do not resend it). */
export type SnapshotLoader = () => Promise<RevocationSnapshot>;
