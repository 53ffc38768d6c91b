import type { UserActivityResolvers } from '../../../resolvers-types.generated.ts';

export const UserActivity: UserActivityResolvers = {
  // Written only by logActivity, always with an object.
  metadata: (row) => row.metadata as Record<string, unknown>,
};
