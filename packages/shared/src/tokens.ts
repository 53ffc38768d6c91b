import {
  createLocalJWKSet,
  createRemoteJWKSet,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { serviceUnavailable, unauthenticated } from './errors.ts';

export const ROLES = ['USER', 'MODERATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Algorithms our access tokens may use; anything else (none, HS256, RS256...) is refused. */
export const ACCESS_TOKEN_ALGORITHMS = ['EdDSA', 'ES256'];
/** The `typ` header of access tokens (RFC 9068), so other JWTs cannot pass as one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** Who is calling: the verified claims of an access token. */
export interface Identity {
  /** Auth user id (`sub`). */
  userId: string;
  /** Session id (`sid`). */
  sessionId: string;
  role: Role;
  expiresAt: Date;
  /**
   * The account's email and name when the token was signed (`email`, `name` claims): signed
   * by the auth service, so the users subgraph may store them in the viewer's own profile,
   * unlike anything a request body says.
   */
  email?: string;
  name?: string;
}

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** Where the public keys come from: our JWKS URL, or a JWKS given inline (configuration). */
  keys: { jwksUrl: string } | { jwks: JSONWebKeySet };
  /** Revocation check (an in-memory set fed by notifications): true refuses the token. */
  isRevoked?: (identity: Identity) => boolean;
  /**
   * False while the revocation list is not loaded: every token is then refused with
   * SERVICE_UNAVAILABLE (HTTP 503), since a revoked one could not be told apart.
   */
  isReady?: () => boolean;
  /**
   * Verified tokens remembered (by token string, until their `exp`) so that a token seen again
   * skips the signature check; the revocation and readiness checks still run on every call.
   * Default 10000; 0 turns the cache off.
   */
  cacheSize?: number;
}

export interface TokenVerifier {
  /** Verifies an access token; throws UNAUTHENTICATED for anything not fully valid. */
  verify(token: string): Promise<Identity>;
  /** Reads `Authorization: Bearer ...`; null when absent, UNAUTHENTICATED when invalid. */
  identify(authorization: string | undefined): Promise<Identity | null>;
}

/**
 * Creates the one access-token verifier used by the gateway and every subgraph. Keys are only
 * taken from our JWKS (never from token headers), `exp` is required and the algorithm,
 * issuer, audience and `typ` are pinned.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const getKey: JWTVerifyGetKey =
    'jwksUrl' in options.keys
      ? createRemoteJWKSet(new URL(options.keys.jwksUrl), {
          cooldownDuration: 5_000,
          cacheMaxAge: 10 * 60_000,
        })
      : createLocalJWKSet(options.keys.jwks);

  // Every service verifies the same token once per request: the signature check (EdDSA or
  // ES256) dominates what a small request costs. The claims are immutable and the answer is
  // only valid until `exp`, which is both the entry's TTL and checked again on use.
  const cacheSize = options.cacheSize ?? 10_000;
  const verified =
    cacheSize > 0 ? new LRUCache<string, Identity>({ max: cacheSize, ttlAutopurge: false }) : null;

  async function verify(token: string): Promise<Identity> {
    if (options.isReady && !options.isReady()) {
      throw serviceUnavailable('Revocations are not loaded yet; retry shortly', 1);
    }
    const known = verified?.get(token);
    const identity =
      known && known.expiresAt.getTime() > Date.now() ? known : await verifySignature(token);
    // Revocations arrive at any time: checked on every use, cached or not.
    if (options.isRevoked?.(identity)) throw unauthenticated('Session has been revoked');
    return identity;
  }

  async function verifySignature(token: string): Promise<Identity> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, getKey, {
        algorithms: ACCESS_TOKEN_ALGORITHMS,
        issuer: options.issuer,
        audience: options.audience,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: ['exp', 'iat', 'sub', 'sid'],
      }));
    } catch {
      throw unauthenticated('Invalid or expired access token');
    }
    const role = payload.role;
    if (typeof payload.sid !== 'string' || !ROLES.includes(role as Role) || !payload.sub) {
      throw unauthenticated('Invalid access token claims');
    }
    const identity: Identity = {
      userId: payload.sub,
      sessionId: payload.sid,
      role: role as Role,
      expiresAt: new Date((payload.exp ?? 0) * 1000),
      ...(typeof payload.email === 'string' ? { email: payload.email } : {}),
      ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
    };
    const ttl = identity.expiresAt.getTime() - Date.now();
    if (ttl > 0) verified?.set(token, Object.freeze(identity), { ttl });
    return identity;
  }

  return {
    verify,
    async identify(authorization) {
      if (!authorization) return null;
      return verify(bearerToken(authorization));
    },
  };
}

/** The token of `Bearer <token>`; UNAUTHENTICATED for any other form of the header. */
function bearerToken(authorization: string): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) throw unauthenticated('Authorization header must be "Bearer <token>"');
  return match[1];
}

/** The caller, and whether a token was sent but ignored (expired, revoked or invalid). */
export interface LenientIdentity {
  identity: Identity | null;
  tokenIgnored: boolean;
}

/**
 * Like `identify`, but a well-formed Bearer token that fails verification (expired, revoked,
 * forged) is ignored: the caller is anonymous and `tokenIgnored` says so, so a client holding a
 * stale token can still log in or refresh; operations that need a caller then refuse it as
 * they refuse anyone anonymous. A malformed header is still UNAUTHENTICATED (a client bug, not
 * a stale token), and SERVICE_UNAVAILABLE (revocations not loaded) still throws.
 */
export async function identifyLeniently(
  verifier: Pick<TokenVerifier, 'verify'>,
  authorization: string | undefined,
): Promise<LenientIdentity> {
  if (!authorization) return { identity: null, tokenIgnored: false };
  const token = bearerToken(authorization);
  try {
    return { identity: await verifier.verify(token), tokenIgnored: false };
  } catch (err) {
    if (err instanceof GraphQLError && err.extensions.code === 'UNAUTHENTICATED') {
      return { identity: null, tokenIgnored: true };
    }
    throw err;
  }
}

/** Throws UNAUTHENTICATED unless there is a caller. */
export function requireIdentity(identity: Identity | null): Identity {
  if (!identity) throw unauthenticated();
  return identity;
}
