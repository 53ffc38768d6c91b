// Merging of identical subgraph queries in flight at the same time. Written here because the
// fetch layer needs to know what the planner sent (queries only) and how to hand each caller a
// body of its own; no kept library does this for @apollo/gateway (Hive Gateway has it built in).

import type { BufferedResponse, SubgraphFetch } from './subgraphFetch.ts';

/**
 * Headers that never change a subgraph's answer, only its logs and traces: two requests that
 * differ in them alone still share one subgraph call.
 */
const DIAGNOSTIC_HEADERS = new Set(['x-request-id', 'traceparent', 'tracestate', 'baggage']);

/**
 * True when the JSON body the gateway sends is a query. RemoteGraphQLDataSource serialises
 * `{ query, ... }` with the query first, and the query planner prints operations as
 * `query ...` or `{...}`: anything else (a mutation, a subscription, another shape) is not
 * merged, so an unexpected body costs a merge, never a wrong answer.
 */
export function isQueryBody(body: string): boolean {
  return body.startsWith('{"query":"query') || body.startsWith('{"query":"{');
}

/** What identifies a subgraph call: URL, body (document and variables) and headers. */
function keyOf(url: string, headers: Record<string, string> | undefined, body: string): string {
  const names = Object.keys(headers ?? {})
    .filter((name) => !DIAGNOSTIC_HEADERS.has(name.toLowerCase()))
    .sort();
  // JSON keeps the parts apart whatever characters they hold.
  return JSON.stringify([url, body, names.map((name) => [name.toLowerCase(), headers?.[name]])]);
}

/**
 * Wraps `fetch` so that a query identical to one already in flight (same URL, document,
 * variables and headers, Authorization included) waits for that call instead of sending its
 * own. Each caller gets a response object of its own over the one body read (immutable), so
 * it parses its own copy; a failure is shared as it is. An entry is removed as soon as its call settles, so
 * nothing is cached: a later identical query is sent again. Mutations are never merged.
 */
export function dedupeInFlight(fetch: SubgraphFetch): SubgraphFetch & { inFlight(): number } {
  const pending = new Map<string, Promise<BufferedResponse>>();
  const merged: SubgraphFetch = async (url, init) => {
    const body = init.body;
    if (typeof body !== 'string' || !isQueryBody(body)) return fetch(url, init);
    const key = keyOf(url, init.headers, body);
    let answer = pending.get(key);
    if (!answer) {
      answer = fetch(url, init);
      pending.set(key, answer);
      const settled = answer;
      const forget = () => {
        if (pending.get(key) === settled) pending.delete(key);
      };
      settled.then(forget, forget);
    }
    return (await answer).clone();
  };
  return Object.assign(merged, { inFlight: () => pending.size });
}
