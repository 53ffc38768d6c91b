import type { Logger } from '../logger.ts';
import type { AccountEvent } from './codec.ts';

/** What a service does with deleted accounts (the users subgraph hides their profiles). */
export interface AccountSync {
  /** Applies the complete set of DELETED account ids (at start and after every reconnection). */
  snapshot(deletedAccountIds: string[]): Promise<void>;
  /** Applies one change as it is announced. */
  event(event: AccountEvent): Promise<void>;
}

/**
 * Hands account changes to `accounts` one at a time, in the order given (syncState.ts decides
 * that order), so that a later change is never overtaken by an earlier one still running.
 */
export function createAccountQueue(accounts: AccountSync | undefined, logger: Logger) {
  let tail = Promise.resolve();
  return {
    /** Applies each event after everything queued before; a failure is logged, not retried. */
    events(events: AccountEvent[]): void {
      if (!accounts) return;
      for (const event of events) {
        tail = tail.then(() =>
          accounts.event(event).catch((err: unknown) => {
            // The next snapshot (after any reconnection or restart) applies it again.
            logger.warn({ err, userId: event.userId }, 'revocations: account change not applied');
          }),
        );
      }
    },
    /** Applies a snapshot's deleted accounts after everything queued before; rejects on failure. */
    async snapshot(deletedAccountIds: string[] | undefined): Promise<void> {
      if (!accounts || !deletedAccountIds) return;
      const applying = tail.then(() => accounts.snapshot(deletedAccountIds));
      tail = applying.catch(() => {});
      await applying;
    },
  };
}
