import { toConnection } from '@grahvani/shared';
import { owned } from '../../../mappers.ts';
import { pageKey } from '../../../pages.ts';
import type { UserResolvers } from '../../../resolvers-types.generated.ts';

export const User: Pick<UserResolvers, 'activity' | '__resolveReference'> = {
  activity: async (user, args, ctx) => {
    const key = pageKey(user.id, args);
    const rows = (await ctx.loaders.activityPage.load(key)).map((row) =>
      owned(row, user.authUserId),
    );
    return toConnection(rows, key.first, 0, key.after !== undefined);
  },
};
