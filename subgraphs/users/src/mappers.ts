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
