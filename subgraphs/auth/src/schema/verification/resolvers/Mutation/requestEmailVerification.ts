import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { limitAddress } from '../../../../rateLimits.ts';
import { requireViewer } from '../../../../viewer.ts';
import { sendVerificationEmail } from '../../sendVerificationEmail.ts';

export const requestEmailVerification: NonNullable<
  MutationResolvers['requestEmailVerification']
> = async (_parent, _args, ctx) => {
  await limitAddress(ctx, 'requestEmailVerification');
  const viewer = await requireViewer(ctx);
  if (!viewer.emailVerified) await sendVerificationEmail(ctx, viewer);
  return true;
};
