import { GraphQLError } from 'graphql';
import type { RateLimiter, RateLimitRule } from './rateLimit.ts';
import type { Identity } from './tokens.ts';

/** A limiter and the limit it applies. */
export interface AppliedLimit {
  limiter: RateLimiter;
  rule: RateLimitRule;
}

type Resolver = (parent: unknown, args: unknown, ctx: unknown, info: unknown) => unknown;

function identityOf(ctx: unknown): Identity | null {
  if (typeof ctx !== 'object' || ctx === null || !('identity' in ctx)) return null;
  return (ctx.identity as Identity | null) ?? null;
}

/**
 * Wraps every Mutation field of a resolver map so that each call by a signed-in account
 * counts against `rule` for that account (its own traffic only: nobody else's requests can
 * lock an account, an admin's included). A field past the limit resolves to RATE_LIMITED
 * before doing anything; anonymous calls have their own per-address limits.
 */
export function limitMutations<T extends object>(resolvers: T, limit: AppliedLimit): T {
  const mutation = (resolvers as { Mutation?: Record<string, Resolver> }).Mutation;
  if (!mutation || !limit.limiter.enabled) return resolvers;
  const wrapped: Record<string, Resolver> = {};
  for (const [field, resolve] of Object.entries(mutation)) {
    wrapped[field] = async (parent, args, ctx, info) => {
      const identity = identityOf(ctx);
      if (identity) await limit.limiter.consume(limit.rule, identity.userId);
      return resolve(parent, args, ctx, info);
    };
  }
  return { ...resolvers, Mutation: wrapped };
}

/**
 * Runs an attempt that presents a secret (a mailed token, an invitation) under a limit on
 * failed attempts per subject: refused with RATE_LIMITED once the failures reached the limit,
 * and every attempt that ends in an error (other than the refusal itself) counts as one.
 */
export async function limitFailures<T>(
  limit: AppliedLimit,
  subject: string,
  attempt: () => Promise<T>,
): Promise<T> {
  await limit.limiter.check(limit.rule, subject);
  try {
    return await attempt();
  } catch (err) {
    if (!(err instanceof GraphQLError && err.extensions.code === 'RATE_LIMITED')) {
      await limit.limiter.fail(limit.rule, subject);
    }
    throw err;
  }
}
