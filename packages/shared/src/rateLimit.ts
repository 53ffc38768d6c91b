import { isIPv6 } from 'node:net';
import { rateLimited } from './errors.ts';

/**
 * The one rate limiter of the services: named limits counted per (limit, subject) in fixed
 * windows, where the subject is a client address, an account, a session or a tenant. Limits
 * that must hold across replicas count in PostgreSQL (rateLimitPostgres.ts); the others in
 * memory. Written here rather than taken from a library (rate-limiter-flexible, for one)
 * because the shared counters live in each service's migrated schema, reached through its
 * Prisma client and, in app_clients, under row-level security: no library store fits that.
 *
 * Fixed windows aligned on the epoch: a refused request never extends its own wait (the
 * window ends when it ends), and a PostgreSQL counter is one upsert on the database's clock.
 */
export interface RateLimitRule {
  /** Name of the limit; part of the counter's key (e.g. `register`). */
  name: string;
  /** Requests (or failures) allowed per window. */
  max: number;
  windowSeconds: number;
}

/** The state of one counter after a hit or a look. */
export interface RateLimitCount {
  /** Hits counted in the current window. */
  hits: number;
  /** Seconds until the current window ends (at least 1). */
  retryAfter: number;
}

/** Where counters are kept. */
export interface RateLimitStore {
  /** Counts one hit of (rule, subject) in the current window, in one atomic step. */
  hit(rule: RateLimitRule, subject: string): Promise<RateLimitCount>;
  /** The current window's count, without counting. */
  peek(rule: RateLimitRule, subject: string): Promise<RateLimitCount>;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfter: number };

export interface RateLimiter {
  /** False when RATE_LIMITS=off: every method allows everything and touches no store. */
  readonly enabled: boolean;
  /** Counts a request; says whether it is within the limit (for answers outside GraphQL). */
  take(rule: RateLimitRule, subject: string): Promise<RateLimitDecision>;
  /** Counts a request; throws RATE_LIMITED (with extensions.retryAfter) past the limit. */
  consume(rule: RateLimitRule, subject: string): Promise<void>;
  /** Throws RATE_LIMITED when the subject's failures already reached the limit. */
  check(rule: RateLimitRule, subject: string): Promise<void>;
  /** Counts a failure (see `check`). */
  fail(rule: RateLimitRule, subject: string): Promise<void>;
}

/** A limiter over `store`; with `enabled` false it never counts nor refuses. */
export function createRateLimiter({
  enabled,
  store,
}: {
  enabled: boolean;
  store: RateLimitStore;
}): RateLimiter {
  const refusal = (rule: RateLimitRule, retryAfter: number) =>
    rateLimited(`Too many requests (${rule.name}); try again later`, retryAfter);
  const take = async (rule: RateLimitRule, subject: string): Promise<RateLimitDecision> => {
    if (!enabled) return { allowed: true };
    const { hits, retryAfter } = await store.hit(rule, subject);
    return hits <= rule.max ? { allowed: true } : { allowed: false, retryAfter };
  };
  return {
    enabled,
    take,
    async consume(rule, subject) {
      const decision = await take(rule, subject);
      if (!decision.allowed) throw refusal(rule, decision.retryAfter);
    },
    async check(rule, subject) {
      if (!enabled) return;
      const { hits, retryAfter } = await store.peek(rule, subject);
      if (hits >= rule.max) throw refusal(rule, retryAfter);
    },
    async fail(rule, subject) {
      if (enabled) await store.hit(rule, subject);
    },
  };
}

/** Start (ms) of the fixed window that holds `now`. */
export function windowStart(now: number, windowSeconds: number): number {
  const size = windowSeconds * 1000;
  return Math.floor(now / size) * size;
}

/**
 * Counters in this process's memory (per replica): the gateway's request rate and the
 * subgraphs' mutation rate per account. Ended windows are swept at most once a minute.
 */
export function createMemoryStore(clock: () => number = Date.now): RateLimitStore {
  const counters = new Map<string, { start: number; end: number; hits: number }>();
  let lastSweep = clock();
  const current = (rule: RateLimitRule, subject: string, now: number) => {
    const start = windowStart(now, rule.windowSeconds);
    const key = `${rule.name}\u0000${subject}`;
    let counter = counters.get(key);
    if (!counter || counter.start !== start) {
      counter = { start, end: start + rule.windowSeconds * 1000, hits: 0 };
      counters.set(key, counter);
    }
    return counter;
  };
  const sweep = (now: number) => {
    if (now - lastSweep < 60_000) return;
    lastSweep = now;
    for (const [key, counter] of counters) if (counter.end <= now) counters.delete(key);
  };
  const count = (counter: { end: number; hits: number }, now: number): RateLimitCount => ({
    hits: counter.hits,
    retryAfter: Math.max(1, Math.ceil((counter.end - now) / 1000)),
  });
  return {
    hit(rule, subject) {
      const now = clock();
      sweep(now);
      const counter = current(rule, subject, now);
      counter.hits += 1;
      return Promise.resolve(count(counter, now));
    },
    peek(rule, subject) {
      const now = clock();
      return Promise.resolve(count(current(rule, subject, now), now));
    },
  };
}

/**
 * The subject of a per-address limit: an IPv4 address as it is, an IPv6 address by its /64
 * (one subscriber's network: counting single IPv6 addresses would let anyone rotate through
 * 2^64 of them), requests of unknown origin all together.
 */
export function addressSubject(ip: string | null | undefined): string {
  if (!ip) return 'ip:unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return `ip:${mapped[1]}`;
  if (!isIPv6(ip)) return `ip:${ip}`;
  const address = ip.split('%')[0]!;
  const groupsOf = (part: string) =>
    part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : [];
  const [head = '', tail] = address.split('::');
  const front = groupsOf(head);
  const back = tail === undefined ? [] : groupsOf(tail);
  const groups = [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  const prefix = groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16));
  return `ip:${prefix.join(':')}::/64`;
}
