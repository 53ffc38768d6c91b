// One load run with autocannon: a GraphQL operation POSTed by `connections` connections, each
// with its own Authorization (distinct users) or all with the same one (identical requests).
import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, transport errors and timeouts, and answers carrying GraphQL errors. */
  errors: number;
  /** The errors by kind: HTTP status or GraphQL `extensions.code`. */
  errorKinds: Record<string, number>;
}

/** What one connection sends on every request. */
export interface ConnectionRequest {
  body: string;
  authorization?: string;
}

export interface LoadOptions {
  url: string;
  /** Handed to the connections in turn (one each while there are enough). */
  perConnection: ConnectionRequest[];
  connections: number;
  durationSeconds: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let graphqlErrors = 0;
  const errorKinds: Record<string, number> = {};
  const count = (kind: string) => (errorKinds[kind] = (errorKinds[kind] ?? 0) + 1);
  let next = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest(request, context: object) {
          const state = context as { mine?: ConnectionRequest };
          // The context is per connection: each keeps the request it was given first.
          state.mine ??= options.perConnection[next++ % options.perConnection.length];
          const { body, authorization } = state.mine ?? { body: '' };
          const headers = { ...request.headers, ...(authorization ? { authorization } : {}) };
          return { ...request, body, headers };
        },
        onResponse(status, body) {
          if (status !== 200) count(`HTTP ${status}`);
          if (status === 200 && body.includes('"errors"')) {
            graphqlErrors += 1;
            count(/"code":"([A-Z_]+)"/.exec(body)?.[1] ?? 'GraphQL error');
          }
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts + graphqlErrors,
    errorKinds: {
      ...errorKinds,
      ...(result.timeouts ? { timeouts: result.timeouts } : {}),
      ...(result.errors - result.timeouts > 0
        ? { transport: result.errors - result.timeouts }
        : {}),
    },
  };
}
