import { createHash } from 'node:crypto';
import { badInput, conflict } from '@grahvani/shared';
import type { Tx } from './db.ts';
import type { Prisma } from './generated/prisma/client.ts';

/** How long a key is remembered. */
const KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** JSON with object keys sorted, so equal requests hash equally whatever their key order. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface IdempotentRequest<T> {
  tenantId: string;
  /** The Idempotency-Key request header, if any. */
  key: string | null;
  operation: string;
  /** The request's arguments: the same key with different arguments is a CONFLICT. */
  body: unknown;
  /** Does the work; returns the result and what to remember of it. */
  run: () => Promise<{ result: T; response: Prisma.InputJsonObject }>;
  /** Rebuilds the first result from what was remembered. */
  replay: (response: Prisma.JsonValue) => Promise<T>;
}

/**
 * Runs a mutation at most once per Idempotency-Key, inside the caller's transaction. The key's
 * row is inserted first: a concurrent retry with the same key waits on it, and when the first
 * commits it finds the row and replays the first result; when the first rolls back, the retry
 * does the work itself. So there is never a row "in flight" to time out.
 */
export async function idempotent<T>(tx: Tx, request: IdempotentRequest<T>): Promise<T> {
  const { tenantId, key, operation } = request;
  if (key === null) return (await request.run()).result;
  if (key.length > 255)
    throw badInput('Idempotency-Key must be at most 255 characters', 'Idempotency-Key');
  const requestHash = createHash('sha256')
    .update(`${operation}\n${canonical(request.body)}`)
    .digest('hex');
  const now = new Date();
  await tx.clientIdempotencyKey.deleteMany({ where: { tenantId, key, expiresAt: { lt: now } } });
  const { count } = await tx.clientIdempotencyKey.createMany({
    data: [
      { tenantId, key, operation, requestHash, expiresAt: new Date(now.getTime() + KEY_TTL_MS) },
    ],
    skipDuplicates: true,
  });
  if (count === 0) {
    const first = await tx.clientIdempotencyKey.findUnique({
      where: { tenantId_key: { tenantId, key } },
    });
    if (!first || first.operation !== operation || first.requestHash !== requestHash) {
      throw conflict('This Idempotency-Key was used for a different request');
    }
    return request.replay(first.response);
  }
  const { result, response } = await request.run();
  await tx.clientIdempotencyKey.update({
    where: { tenantId_key: { tenantId, key } },
    data: { response, completedAt: new Date() },
  });
  return result;
}
