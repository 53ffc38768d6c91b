/** A User reference by the key clients knows: the owner's auth user id (the tenant). */
export interface UserRef {
  authUserId: string;
}
