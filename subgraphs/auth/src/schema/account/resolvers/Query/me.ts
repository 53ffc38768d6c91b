import type { QueryResolvers } from '../../../../resolvers-types.generated.ts';

export const me: NonNullable<QueryResolvers['me']> = (_parent, _args, ctx) =>
  ctx.identity ? ctx.loaders.authUser.load(ctx.identity.userId) : null;
