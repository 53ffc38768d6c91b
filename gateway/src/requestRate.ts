import {
  addressSubject,
  createRateLimiter,
  identifyLeniently,
  type LenientIdentity,
  type RateLimitRule,
  type TokenVerifier,
} from '@grahvani/shared';
import type express from 'express';
import { createSharedRateStore } from './sharedRateStore.ts';

/**
 * The gateway's general request rate, per replica (in memory; shared by a replica's workers,
 * see sharedRateStore.ts).
 */
export interface RequestRateLimits {
  /** RATE_LIMITS: off lets everything through. */
  enabled: boolean;
  /** Requests a minute per client address, for requests without a valid token (600). */
  perAddress: RateLimitRule;
  /** Requests a minute per signed-in account, wherever they come from (300). */
  perAccount: RateLimitRule;
}

export interface RequestRate {
  /** Refuses a request over its rate with HTTP 429 and Retry-After, before any GraphQL work. */
  middleware: express.RequestHandler;
  /**
   * The request's verified identity, verified once for the limit and the context; a stale
   * or invalid token is ignored (anonymous, `tokenIgnored`).
   */
  identityOf(req: express.Request): Promise<LenientIdentity>;
}

/**
 * A signed-in request counts against its account only, an anonymous one against its address
 * (after the trusted-proxy rule): so nobody sharing an address with an abuser, an admin
 * included, is refused because of the abuser's traffic; many accounts from one address are
 * bounded by the sign-up limit per address.
 */
export function createRequestRate(limits: RequestRateLimits, verifier: TokenVerifier): RequestRate {
  const limiter = createRateLimiter({ enabled: limits.enabled, store: createSharedRateStore() });
  const identities = new WeakMap<express.Request, Promise<LenientIdentity>>();
  const identityOf = (req: express.Request) => {
    let identity = identities.get(req);
    if (!identity) {
      identity = identifyLeniently(verifier, req.get('authorization'));
      identities.set(req, identity);
    }
    return identity;
  };
  const middleware: express.RequestHandler = async (req, res, next) => {
    if (!limiter.enabled) return next();
    // An ignored or refused token counts as anonymous: its rate is its address's.
    const identity = await identityOf(req).then(
      (lenient) => lenient.identity,
      () => null,
    );
    const decision = identity
      ? await limiter.take(limits.perAccount, `account:${identity.userId}`)
      : await limiter.take(limits.perAddress, addressSubject(req.ip));
    if (decision.allowed) return next();
    res
      .status(429)
      .set('Retry-After', String(decision.retryAfter))
      .json({
        errors: [
          {
            message: 'Too many requests; try again later',
            extensions: { code: 'RATE_LIMITED', retryAfter: decision.retryAfter },
          },
        ],
      });
  };
  return { middleware, identityOf };
}
