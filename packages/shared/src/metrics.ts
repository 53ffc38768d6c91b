import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type express from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { poolObservation } from './poolMetrics.ts';
import { outcomeOf, responseErrors } from './requestLog.ts';
import type { RevocationSource } from './revocation/index.ts';

/** Seconds buckets for GraphQL requests and subgraph fetches (5 ms to 10 s). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// Operation names come from clients: past this many distinct ones, the rest count as "other"
// so that a client inventing names cannot grow the metrics without bound.
const MAX_OPERATION_NAMES = 200;

/** One service's Prometheus metrics, served at GET /metrics. */
export interface ServiceMetrics {
  readonly registry: Registry;
  /** Apollo Server plugin counting requests by operation name and outcome, with latency. */
  plugin(): ApolloServerPlugin<BaseContext>;
  /** Pool size, idle and waiting connections, and query durations of a `createDb` client. */
  observeDatabase(db: object): void;
  /** Size, load state and age of the in-memory revocation list. */
  observeRevocations(list: RevocationSource): void;
  /** A gauge read when scraped (e.g. running imports). */
  gauge(name: string, help: string, read: () => number): void;
}

/** Creates the registry of `service`, with Node's default process metrics. */
export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (success or the first error code)',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency in seconds by operation name and outcome',
    labelNames: ['operation', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const names = new Set<string>();
  const operationLabel = (name: string | null | undefined) => {
    if (!name) return '(anonymous)';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return '(other)';
    names.add(name);
    return name;
  };
  const gauge = (name: string, help: string, read: () => number) => {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  };
  return {
    registry,
    plugin: () => ({
      async requestDidStart() {
        const started = performance.now();
        return {
          async willSendResponse(ctx) {
            const outcome = outcomeOf(responseErrors(ctx));
            const labels = { operation: operationLabel(ctx.operationName), outcome };
            requests.inc(labels);
            duration.observe(labels, (performance.now() - started) / 1000);
          },
        };
      },
    }),
    observeDatabase(db) {
      const observed = poolObservation(db);
      if (!observed) return;
      const { pool, queryDuration } = observed;
      registry.registerMetric(queryDuration);
      gauge('db_pool_connections', 'Connections in the database pool', () => pool.totalCount);
      gauge('db_pool_idle', 'Idle connections in the database pool', () => pool.idleCount);
      gauge('db_pool_waiting', 'Queries waiting for a pool connection', () => pool.waitingCount);
    },
    observeRevocations(list) {
      gauge('revocation_list_size', 'Revoked sessions held in memory', () => list.size);
      gauge('revocation_list_loaded', '1 once the revocation list has loaded', () =>
        list.loaded ? 1 : 0,
      );
      gauge(
        'revocation_list_age_seconds',
        'Seconds since the revocation list last loaded or changed (-1: never loaded)',
        () => (list.updatedAt ? (Date.now() - list.updatedAt) / 1000 : -1),
      );
    },
    gauge,
  };
}

/**
 * GET /metrics in Prometheus' text format. With `token` (METRICS_TOKEN) a scraper must send
 * `Authorization: Bearer <token>`, compared in constant time; otherwise 401.
 */
export function metricsRoute(registry: Registry, token?: string): express.RequestHandler {
  const expected = token ? digest(token) : undefined;
  return async (req, res) => {
    if (expected) {
      const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
      if (!timingSafeEqual(digest(given), expected)) {
        res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'unauthorized' });
        return;
      }
    }
    res.set('Content-Type', registry.contentType).send(await registry.metrics());
  };
}

// Equal-length digests, so timingSafeEqual never throws nor leaks the token's length.
const digest = (value: string) => createHash('sha256').update(value).digest();
