import type { GraphQLDataSource } from '@apollo/gateway';
import type { ServiceMetrics } from '@grahvani/shared';
import { Counter, Histogram } from 'prom-client';

/** Times each subgraph fetch of the gateway and counts the failed ones, by subgraph. */
export function createSubgraphMetrics(metrics: ServiceMetrics) {
  const duration = new Histogram({
    name: 'gateway_subgraph_fetch_duration_seconds',
    help: 'Latency of fetches from the gateway to a subgraph, by subgraph and outcome',
    labelNames: ['subgraph', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  });
  const errors = new Counter({
    name: 'gateway_subgraph_errors_total',
    help: 'Subgraph fetches that failed (unreachable, non-2xx) or answered with errors',
    labelNames: ['subgraph', 'kind'],
    registers: [metrics.registry],
  });
  /** `source`, whose every fetch is measured under `subgraph`. */
  return <T extends GraphQLDataSource>(subgraph: string, source: T): T => {
    const process = source.process.bind(source);
    source.process = (async (options) => {
      const stop = duration.startTimer({ subgraph });
      try {
        const response = await process(options);
        if (response.errors?.length) errors.inc({ subgraph, kind: 'graphql' });
        stop({ outcome: response.errors?.length ? 'errors' : 'ok' });
        return response;
      } catch (err) {
        errors.inc({ subgraph, kind: 'fetch' });
        stop({ outcome: 'failed' });
        throw err;
      }
    }) as T['process'];
    return source;
  };
}
