// The gateway's HTTP client for subgraph calls: undici's `request` on a keep-alive Pool per
// subgraph (no WHATWG streams, no fetch Request/Response objects: the cheapest call undici
// offers), the whole answer read into one string.
import type { Pool } from 'undici';

/** A fully read subgraph answer; immutable, so callers merged by inFlight.ts share it. */
export interface SubgraphAnswer {
  status: number;
  /** Content-Type ('' when absent). */
  contentType: string;
  cacheControl: string | undefined;
  text: string;
}

/** Sends one POST with these headers and this JSON body to the subgraph. */
export type SubgraphCall = (
  headers: Record<string, string>,
  body: string,
) => Promise<SubgraphAnswer>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * POSTs to `path` on the origin of `pool` (the subgraph's), aborted after `timeoutMs`
 * (connection to last byte).
 */
export function createSubgraphCall(pool: Pool, path: string, timeoutMs: number): SubgraphCall {
  return async (headers, body) => {
    const answer = await pool.request({
      path,
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return {
      status: answer.statusCode,
      contentType: single(answer.headers['content-type']) ?? '',
      cacheControl: single(answer.headers['cache-control']),
      text: await answer.body.text(),
    };
  };
}
