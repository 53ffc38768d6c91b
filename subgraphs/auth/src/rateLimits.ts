import {
  addressSubject,
  createPostgresStore,
  createRateLimiter,
  limitFailures,
  rateLimitRule,
  type Env,
  type RateLimiter,
  type RateLimitRule,
} from '@grahvani/shared';
import type { Db } from './db.ts';

/** Operations limited per client address (requests) or per session (refreshSession). */
export type RequestLimit =
  | 'register'
  | 'requestPasswordReset'
  | 'requestMagicLink'
  | 'requestEmailVerification'
  | 'refreshSession';
/** Operations that present a mailed secret: limited in failed attempts per address. */
export type FailureLimit =
  'signInWithMagicLink' | 'resetPassword' | 'verifyEmail' | 'acceptInvitation';

export type AuthRateRules = Record<RequestLimit | FailureLimit, RateLimitRule>;

const HOUR = 3600;

/** Reads the auth limits (defaults of issue 15; each a setting). */
export function loadAuthRateRules(env: Env): AuthRateRules {
  const register = { name: 'register', fallback: 10, windowSeconds: HOUR };
  const mail = (name: RequestLimit) =>
    rateLimitRule(env, 'RATE_LIMIT_MAIL_REQUESTS_PER_HOUR', {
      name,
      fallback: 20,
      windowSeconds: HOUR,
    });
  const failures = (name: FailureLimit) =>
    rateLimitRule(env, 'RATE_LIMIT_TOKEN_FAILURES_PER_HOUR', {
      name,
      fallback: 30,
      windowSeconds: HOUR,
    });
  return {
    register: rateLimitRule(env, 'RATE_LIMIT_REGISTER_PER_HOUR', register),
    requestPasswordReset: mail('requestPasswordReset'),
    requestMagicLink: mail('requestMagicLink'),
    requestEmailVerification: mail('requestEmailVerification'),
    refreshSession: rateLimitRule(env, 'RATE_LIMIT_REFRESH_PER_MINUTE', {
      name: 'refreshSession',
      fallback: 30,
      windowSeconds: 60,
    }),
    signInWithMagicLink: failures('signInWithMagicLink'),
    resetPassword: failures('resetPassword'),
    verifyEmail: failures('verifyEmail'),
    acceptInvitation: failures('acceptInvitation'),
  };
}

/** The auth service's limits: counters in app_auth.rate_limits, shared by every replica. */
export interface AuthRateLimits {
  limiter: RateLimiter;
  rules: AuthRateRules;
}

export function createAuthLimiter(db: Db, enabled: boolean): RateLimiter {
  const store = createPostgresStore(
    { table: '"app_auth"."rate_limits"' },
    (_subject, sql, values) => db.$queryRawUnsafe(sql, ...values),
  );
  return createRateLimiter({ enabled, store });
}

interface LimitedContext {
  rateLimits: AuthRateLimits;
  /** The client address (after the trusted-proxy rule); null when unknown. */
  ip: string | null;
}

// Requests without a known address share one counter rather than escaping the limit.
const addressOf = (ctx: LimitedContext) => addressSubject(ctx.ip);

/**
 * Counts a request of `operation` from the caller's address; RATE_LIMITED past the limit.
 * Called first, before anything depends on whether an account exists, so that the answer
 * and its timing are the same either way.
 */
export function limitAddress(ctx: LimitedContext, operation: RequestLimit): Promise<void> {
  return ctx.rateLimits.limiter.consume(ctx.rateLimits.rules[operation], addressOf(ctx));
}

/** Counts a refresh of one session (30 a minute by default); RATE_LIMITED past the limit. */
export function limitSession(ctx: LimitedContext, sessionId: string): Promise<void> {
  return ctx.rateLimits.limiter.consume(
    ctx.rateLimits.rules.refreshSession,
    `session:${sessionId}`,
  );
}

/** Runs an attempt with a mailed secret under the limit of failed attempts per address. */
export function limitFailedAttempts<T>(
  ctx: LimitedContext,
  operation: FailureLimit,
  attempt: () => Promise<T>,
): Promise<T> {
  const { limiter, rules } = ctx.rateLimits;
  return limitFailures({ limiter, rule: rules[operation] }, addressOf(ctx), attempt);
}
