import type { AuditAction, Prisma } from '../generated/prisma/client.ts';

/** Who acted, from where, in which request: the part of an event every act shares. */
export interface AuditOrigin {
  /** The account that acted; null when the CLI or the system did. */
  actorId: string | null;
  /** `cli:<OS user>` or `system:<component>`; set exactly when actorId is null. */
  actorLabel: string | null;
  ipAddress: string | null;
  requestId: string | null;
}

/** A JSON value of an event's before/after (dates as ISO strings). */
export type AuditValue = string | number | boolean | null;
export type AuditValues = Record<string, AuditValue>;

export interface AuditEvent {
  action: AuditAction;
  /** The account acted upon; null when there is none (an invitation not yet accepted). */
  targetId: string | null;
  /** The changed fields before the act; never secrets or password hashes. */
  before?: AuditValues | null;
  /** The changed fields after the act. */
  after?: AuditValues | null;
}

/** Where the request came from, as the auth context knows it. */
export interface RequestOrigin {
  ip: string | null;
  requestId: string | null;
}

/** Origin of an act by a signed-in account. */
export const accountOrigin = (request: RequestOrigin, actorId: string): AuditOrigin => ({
  actorId,
  actorLabel: null,
  ipAddress: request.ip?.slice(0, 64) ?? null,
  requestId: request.requestId,
});

/** Origin of an act the service does by itself (e.g. the login throttle locking an account). */
export const systemOrigin = (component: string, request?: RequestOrigin): AuditOrigin => ({
  actorId: null,
  actorLabel: `system:${component}`.slice(0, 200),
  ipAddress: request?.ip?.slice(0, 64) ?? null,
  requestId: request?.requestId ?? null,
});

/** Origin of an act by `npm run admin` run by the OS user `osUser`. */
export const cliOrigin = (osUser: string): AuditOrigin => ({
  actorId: null,
  actorLabel: `cli:${osUser}`.slice(0, 200),
  ipAddress: null,
  requestId: null,
});

/**
 * Writes events inside the act's own transaction: if the act rolls back, so do its events,
 * and an act that commits cannot lose them.
 */
export async function recordAudits(
  tx: Prisma.TransactionClient,
  origin: AuditOrigin,
  events: readonly AuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.authAuditLog.createMany({
    data: events.map((event) => ({
      ...origin,
      action: event.action,
      targetId: event.targetId,
      ...(event.before ? { before: event.before } : {}),
      ...(event.after ? { after: event.after } : {}),
    })),
  });
}

/** `recordAudits` for one event. */
export const recordAudit = (tx: Prisma.TransactionClient, origin: AuditOrigin, event: AuditEvent) =>
  recordAudits(tx, origin, [event]);

const asValue = (value: unknown): AuditValue =>
  value instanceof Date
    ? value.toISOString()
    : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : null;

/** The `fields` whose values differ between `before` and `after`, or null when none do. */
export function changedFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): { before: AuditValues; after: AuditValues } | null {
  const changed = fields.filter((f) => asValue(before[f]) !== asValue(after[f]));
  if (changed.length === 0) return null;
  return {
    before: Object.fromEntries(changed.map((f) => [f, asValue(before[f])])),
    after: Object.fromEntries(changed.map((f) => [f, asValue(after[f])])),
  };
}

/** A request id worth keeping: 1 to 128 visible ASCII characters, else none. */
export function requestIdOf(header: string | undefined): string | null {
  const value = header?.trim();
  return value && /^[\x21-\x7e]{1,128}$/.test(value) ? value : null;
}
