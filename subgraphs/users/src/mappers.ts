import type { UserActivityLog, UserAddress } from './generated/prisma/client.ts';

/** An AuthUser reference: its key only (the account's data belongs to the auth subgraph). */
export interface AuthUserRef {
  id: string;
}

/** A FollowEdge before its node is loaded: the other user's id and when the follow began. */
export interface FollowEdgeModel {
  cursor: string;
  followedAt: Date;
  userId: string;
}

/** A row of a user's private records with the account that owns it (the SELF_OR_ADMIN rule). */
export type Owned<T> = T & { ownerId: string };
export type AddressModel = Owned<UserAddress>;
export type UserActivityModel = Owned<UserActivityLog>;

/** `row` marked as owned by the account `ownerId` (the profile's authUserId). */
export const owned = <T extends object>(row: T, ownerId: string): Owned<T> => ({ ...row, ownerId });
