import type pg from 'pg';
import { Histogram } from 'prom-client';

/** A service's connection pool and the durations of the statements it ran. */
export interface PoolObservation {
  pool: pg.Pool;
  /** Not registered anywhere until a service's metrics take it (ServiceMetrics.observeDatabase). */
  queryDuration: Histogram;
}

// Keyed by the driver adapter, then by the PrismaClient built on it (see `withPool`): a
// PrismaClient does not expose its adapter's pool.
const observations = new WeakMap<object, PoolObservation>();

/** Times every statement sent through `pool` (the call itself is unchanged). */
export function observePool(adapter: object, pool: pg.Pool): void {
  const queryDuration = new Histogram({
    name: 'db_query_duration_seconds',
    help: 'Duration of database statements in seconds (until the result or error arrives)',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [],
  });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const stop = queryDuration.startTimer();
      const result = query(...args);
      const done = () => void stop();
      if (result instanceof Promise) void result.then(done, done);
      else done();
      return result;
    }) as typeof client.query;
  });
  observations.set(adapter, { pool, queryDuration });
}

/** `db` (a PrismaClient built on `adapter`), remembered as the owner of the adapter's pool. */
export function withPool<T extends object>(db: T, adapter: object): T {
  const observation = observations.get(adapter);
  if (observation) observations.set(db, observation);
  return db;
}

/** The pool observation of a PrismaClient made with `withPool`, if any. */
export function poolObservation(db: object): PoolObservation | undefined {
  return observations.get(db);
}
