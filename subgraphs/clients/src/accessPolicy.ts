import { ownerOf, type AccessPolicy } from '@grahvani/shared';
import type { Context } from './context.ts';
import type { FamilyLinkView, UserRef } from './mappers.ts';

/** Every row of the client book carries its tenant: the owning astrologer's account id. */
const byTenant = ownerOf<{ tenantId: string }>((row) => row.tenantId);

/** Who may read what in the clients subgraph, for the `@access` rules of its SDL. */
export const accessPolicy: AccessPolicy<Context> = {
  viewer: (ctx) => ctx.identity,
  // The client book hangs off the owner's User: SELF is that account.
  self: { User: ownerOf<UserRef>((user) => user.authUserId) },
  tenant: {
    Client: byTenant,
    FamilyLink: ownerOf<FamilyLinkView>((link) => link.tenantId),
    Consultation: byTenant,
    SavedChart: byTenant,
    ClientNote: byTenant,
    Remedy: byTenant,
    ClientImport: byTenant,
    ActivityEntry: byTenant,
  },
};
