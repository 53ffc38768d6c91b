import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, importJWK, type JWK, type CryptoKey } from 'jose';
import {
  ACCESS_TOKEN_TYPE,
  createTokenVerifier,
  publicJwks,
  type RevocationSource,
  type Role,
  type TokenVerifier,
} from '@grahvani/shared';
import type { AuthConfig } from './config.ts';

export interface AccessToken {
  token: string;
  expiresAt: Date;
}

export interface TokenService {
  /**
   * Signs an access token for a session with the newest key. The account's email and name
   * travel in it so that the users subgraph learns them from us, never from a request.
   */
  signAccessToken(claims: {
    userId: string;
    sessionId: string;
    role: Role;
    email: string;
    name: string | null;
  }): Promise<AccessToken>;
  /** The public keys, as served at /.well-known/jwks.json. */
  jwks: { keys: JWK[] };
  verifier: TokenVerifier;
}

/** A new opaque secret (refresh token, one-time token): 256 random bits, base64url. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What we store instead of an opaque token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates the signer and the auth service's own verifier from the configured keys. */
export async function createTokenService(
  config: AuthConfig['tokens'],
  revocations?: Pick<RevocationSource, 'isRevoked' | 'loaded'>,
): Promise<TokenService> {
  const newest = config.signingKeys.at(-1);
  if (!newest?.kid) throw new Error('No signing key configured');
  const alg = newest.crv === 'P-256' ? 'ES256' : 'EdDSA';
  const privateKey = (await importJWK(newest, alg)) as CryptoKey;
  const jwks = publicJwks(config.signingKeys);
  const kid = newest.kid;
  return {
    jwks,
    verifier: createTokenVerifier({
      issuer: config.issuer,
      audience: config.audience,
      keys: { jwks },
      isRevoked: revocations && ((identity) => revocations.isRevoked(identity)),
      isReady: revocations && (() => revocations.loaded),
    }),
    async signAccessToken({ userId, sessionId, role, email, name }) {
      const now = Math.floor(Date.now() / 1000);
      const exp = now + config.accessTokenTtlSeconds;
      const token = await new SignJWT({ sid: sessionId, role, email, ...(name ? { name } : {}) })
        .setProtectedHeader({ alg, kid, typ: ACCESS_TOKEN_TYPE })
        .setIssuer(config.issuer)
        .setAudience(config.audience)
        .setSubject(userId)
        .setIssuedAt(now)
        .setExpirationTime(exp)
        .setJti(randomBytes(16).toString('base64url'))
        .sign(privateKey);
      return { token, expiresAt: new Date(exp * 1000) };
    },
  };
}
