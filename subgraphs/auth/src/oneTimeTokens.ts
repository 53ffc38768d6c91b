import type { Prisma } from './generated/prisma/client.ts';
import { hashToken, newOpaqueToken } from './tokens.ts';

const MINUTE_MS = 60_000;

/** Lifetimes of the mailed one-time tokens. */
export const ONE_TIME_TOKEN_TTL_MS = {
  passwordReset: 60 * MINUTE_MS,
  emailVerification: 24 * 60 * MINUTE_MS,
  invitation: 7 * 24 * 60 * MINUTE_MS,
  magicLink: 15 * MINUTE_MS,
} as const;

export type OneTimeTokenKind = keyof typeof ONE_TIME_TOKEN_TTL_MS;

/** A fresh one-time token: the secret to mail, and the hash and expiry to store. */
export function issueOneTimeToken(kind: OneTimeTokenKind, now = new Date()) {
  const token = newOpaqueToken();
  return {
    token,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + ONE_TIME_TOKEN_TTL_MS[kind]),
  };
}

/** The stored state every one-time token row shares. */
export interface OneTimeTokenRow {
  id: string;
  used: boolean;
  expiresAt: Date;
}

/** True when a looked-up row may still be consumed. */
export function isConsumable<T extends OneTimeTokenRow>(
  row: T | null | undefined,
  now: Date,
): row is T {
  return !!row && !row.used && row.expiresAt > now;
}

/**
 * `where` and `data` of the compare-and-swap that consumes a row: of two concurrent uses,
 * only the one whose update counts 1 row wins.
 */
export function consumeArgs(id: string, now: Date) {
  return { where: { id, used: false }, data: { used: true, usedAt: now } };
}

/** Messages of one kind an account (or invited address) may be sent per hour. */
export const MAILS_PER_HOUR = 5;

/**
 * `data` retiring the unused tokens a newer one supersedes: used, with no time of use. The
 * rows stay, so that the hourly mail limit still counts them.
 */
export const SUPERSEDED = { used: true } as const;

/** `where` fragment: tokens issued within the last hour (the mail limit's window). */
export const issuedWithinHour = (now = new Date()) => ({
  createdAt: { gt: new Date(now.getTime() - 60 * MINUTE_MS) },
});

/**
 * Serialises token issuing for one account (or address) until the transaction ends, so that
 * concurrent requests cannot all pass the hourly limit check before any of them inserts.
 */
export async function lockIssuing(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
