import type { ClientFamilyLink, RelationshipType } from './generated/prisma/client.ts';
import type { FamilyLinkView } from './mappers.ts';

/** What A is to B when B is `type` to A (PARENT <-> CHILD; symmetric kinds stay). */
const INVERSE: Record<RelationshipType, RelationshipType> = {
  PARENT: 'CHILD',
  CHILD: 'PARENT',
  GRANDPARENT: 'GRANDCHILD',
  GRANDCHILD: 'GRANDPARENT',
  SPOUSE: 'SPOUSE',
  SIBLING: 'SIBLING',
  COUSIN: 'COUSIN',
  OTHER: 'OTHER',
};

/** The inverse relationship: if B is `type` to A, A is `inverseOf(type)` to B. */
export function inverseOf(type: RelationshipType): RelationshipType {
  return INVERSE[type];
}

/**
 * A link row as client `viewerClientId` sees it. A row says "client_id is relationship_type of
 * related_client_id" (schema.prisma); the API says what the related client is to the viewer.
 * Empty when the row does not involve that client.
 */
export function familyViewsOf(row: ClientFamilyLink, viewerClientId: string): FamilyLinkView[] {
  if (row.clientId === viewerClientId) {
    return [
      {
        id: row.id,
        tenantId: row.tenantId,
        clientId: row.clientId,
        relatedClientId: row.relatedClientId,
        relationshipType: INVERSE[row.relationshipType],
      },
    ];
  }
  if (row.relatedClientId === viewerClientId) {
    return [
      {
        id: row.id,
        tenantId: row.tenantId,
        clientId: row.relatedClientId,
        relatedClientId: row.clientId,
        relationshipType: row.relationshipType,
      },
    ];
  }
  return [];
}
