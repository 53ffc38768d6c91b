import type { SessionResolvers } from '../../../resolvers-types.generated.ts';

export const Session: SessionResolvers = {
  deviceType: (session) => session.deviceType ?? 'unknown',
  current: (session, _args, ctx) => session.id === ctx.identity?.sessionId,
};
