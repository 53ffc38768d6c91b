import type { AuditEventResolvers } from '../../../resolvers-types.generated.ts';

type JsonObject = Record<string, unknown>;
const asObject = (value: unknown): JsonObject | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonObject)
    : null;

/** Actor and target are accounts by id, loaded in one batch per request. */
export const AuditEvent: AuditEventResolvers = {
  actor: (event, _args, ctx) => (event.actorId ? ctx.loaders.authUser.load(event.actorId) : null),
  target: (event, _args, ctx) =>
    event.targetId ? ctx.loaders.authUser.load(event.targetId) : null,
  before: (event) => asObject(event.before),
  after: (event) => asObject(event.after),
};
