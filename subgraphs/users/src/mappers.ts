/** An AuthUser reference as the gateway sends it (with the fields `profile` requires). */
export interface AuthUserRef {
  id: string;
  email?: string | null;
  name?: string | null;
}
