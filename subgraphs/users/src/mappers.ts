/** An AuthUser reference as the gateway sends it (with the fields `profile` requires). */
export interface AuthUserRef {
  id: string;
  email?: string | null;
  name?: string | null;
}

/** A FollowEdge before its node is loaded: the other user's id and when the follow began. */
export interface FollowEdgeModel {
  cursor: string;
  followedAt: Date;
  userId: string;
}
