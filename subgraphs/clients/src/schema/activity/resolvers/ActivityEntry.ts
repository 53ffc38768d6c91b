import type { ActivityEntryResolvers } from '../../../resolvers-types.generated.ts';

export const ActivityEntry: ActivityEntryResolvers = {
  metadata: (row) =>
    typeof row.metadata === 'object' && row.metadata !== null && !Array.isArray(row.metadata)
      ? row.metadata
      : {},
};
