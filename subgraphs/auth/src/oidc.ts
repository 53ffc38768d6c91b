import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { badInput, unauthenticated } from '@grahvani/shared';
import type { FlowsConfig } from './flowsConfig.ts';
import type { OAuthProvider } from './generated/prisma/enums.ts';

/** Asymmetric algorithms providers sign ID tokens with; `none` and HMAC are never accepted. */
const ID_TOKEN_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/** What a verified ID token tells about its subject. */
export interface OidcIdentity {
  subject: string;
  email: string | null;
  /** The provider vouches that the subject controls `email`. */
  emailVerified: boolean;
  name: string | null;
}

export interface OidcVerifier {
  /**
   * Verifies an ID token of a configured provider (signature from its JWKS URL, issuer,
   * audience, expiry). BAD_USER_INPUT for an unconfigured provider, UNAUTHENTICATED for any
   * token that is not fully valid.
   */
  verify(provider: OAuthProvider, idToken: string): Promise<OidcIdentity>;
}

/** One verifier for all configured providers; each provider's key set is fetched lazily. */
export function createOidcVerifier(providers: FlowsConfig['oidcProviders']): OidcVerifier {
  const keySets = new Map<OAuthProvider, JWTVerifyGetKey>();
  return {
    async verify(provider, idToken) {
      const config = providers[provider];
      if (!config) throw badInput(`Sign-in with ${provider} is not configured`, 'provider');
      let keys = keySets.get(provider);
      if (!keys) {
        keys = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 5_000 });
        keySets.set(provider, keys);
      }
      let payload;
      try {
        ({ payload } = await jwtVerify(idToken, keys, {
          algorithms: ID_TOKEN_ALGORITHMS,
          issuer: config.issuer,
          audience: config.audience,
          requiredClaims: ['sub', 'exp', 'iat'],
        }));
      } catch (err) {
        // An unreachable provider is our fault, not the caller's: let it surface as a 500.
        if (err instanceof errors.JWKSTimeout || !(err instanceof errors.JOSEError)) throw err;
        throw unauthenticated('Invalid ID token');
      }
      const email = typeof payload.email === 'string' ? payload.email.trim().toLowerCase() : null;
      // Some providers (Apple) send the flag as the string "true".
      const verified = payload.email_verified === true || payload.email_verified === 'true';
      return {
        subject: payload.sub ?? '',
        email: email || null,
        emailVerified: !!email && verified,
        name: typeof payload.name === 'string' ? payload.name : null,
      };
    },
  };
}
