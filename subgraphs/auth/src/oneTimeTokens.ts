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
