import { badInput } from '@grahvani/shared';
import { logActivity } from '../../../../activity.ts';
import { viewerProfile } from '../../../../access.ts';
import type { Prisma } from '../../../../generated/prisma/client.ts';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';

/** Largest settings object, as UTF-8 JSON. */
export const MAX_PREFERENCES_BYTES = 16 * 1024;

export const updatePreferences: NonNullable<MutationResolvers['updatePreferences']> = async (
  _parent,
  { settings },
  ctx,
) => {
  const bytes = Buffer.byteLength(JSON.stringify(settings), 'utf8');
  if (bytes > MAX_PREFERENCES_BYTES) {
    throw badInput(`settings must be at most ${MAX_PREFERENCES_BYTES} bytes of JSON`, 'settings');
  }
  // JSONObject's parser guarantees a JSON object; Prisma's input type just cannot know it.
  const json = settings as Prisma.InputJsonObject;
  const me = await viewerProfile(ctx);
  const row = await ctx.db.$transaction(async (tx) => {
    const saved = await tx.userPreferences.upsert({
      where: { userId: me.id },
      create: { userId: me.id, settings: json },
      update: { settings: json },
    });
    await logActivity(tx, ctx, me.id, 'preferences.update', {
      keys: Object.keys(settings).slice(0, 50),
      bytes,
    });
    return saved;
  });
  ctx.loaders.preferencesByUserId.clear(me.id).prime(me.id, row);
  return me;
};
