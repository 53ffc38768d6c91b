import type { RelationshipType } from './generated/prisma/client.ts';

/** A User reference by the key clients knows: the owner's auth user id (the tenant). */
export interface UserRef {
  authUserId: string;
}

/** A family link row seen from one of its two clients (the relationship as that side sees it). */
export interface FamilyLinkView {
  id: string;
  /** The astrologer both clients belong to. */
  tenantId: string;
  /** The client whose point of view this is. */
  clientId: string;
  relatedClientId: string;
  relationshipType: RelationshipType;
}
