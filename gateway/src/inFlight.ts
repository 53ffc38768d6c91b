// Merging of identical subgraph queries in flight at the same time. Written here because the
// fetch layer needs to know what the planner sent (queries only); no kept library does this
// for @apollo/gateway (Hive Gateway has it built in).

import type { SubgraphAnswer, SubgraphCall } from './subgraphFetch.ts';

/**
 * Headers that never change a subgraph's answer, only its logs and traces: two requests that
 * differ in them alone still share one subgraph call.
 */
const DIAGNOSTIC_HEADERS = new Set(['x-request-id', 'traceparent', 'tracestate', 'baggage']);

/**
 * True when the JSON body the gateway sends is a query. subgraphSource.ts serialises
 * `{ query, ... }` with the query first, and the query planner prints operations as
 * `query ...` or `{...}`: anything else (a mutation, a subscription, another shape) is not
 * merged, so an unexpected body costs a merge, never a wrong answer.
 */
export function isQueryBody(body: string): boolean {
  return body.startsWith('{"query":"query') || body.startsWith('{"query":"{');
}

/**
 * What identifies a call to one subgraph: body (document and variables) and headers, joined
 * by newlines, which neither holds (JSON escapes them; HTTP forbids them in headers). The
 * body is not escaped again: it is the largest part (entity representations).
 */
function keyOf(headers: Record<string, string>, body: string): string {
  let key = body;
  for (const name of Object.keys(headers).sort()) {
    if (DIAGNOSTIC_HEADERS.has(name.toLowerCase())) continue;
    key += `\n${name.toLowerCase()}\n${headers[name]}`;
  }
  return key;
}

/**
 * Wraps one subgraph's `call` so that a query identical to one already in flight (same
 * document, variables and headers, Authorization included) waits for that call instead of
 * sending its own. Callers share the answer, whose text is immutable: each parses its own
 * objects from it (subgraphSource.ts); a failure is shared as it is. An entry is removed as
 * soon as its call settles, so nothing is cached: a later identical query is sent again.
 * Mutations are never merged.
 */
export function dedupeInFlight(call: SubgraphCall): SubgraphCall & { inFlight(): number } {
  const pending = new Map<string, Promise<SubgraphAnswer>>();
  const merged: SubgraphCall = (headers, body) => {
    if (!isQueryBody(body)) return call(headers, body);
    const key = keyOf(headers, body);
    let answer = pending.get(key);
    if (!answer) {
      answer = call(headers, body);
      pending.set(key, answer);
      const settled = answer;
      const forget = () => {
        if (pending.get(key) === settled) pending.delete(key);
      };
      settled.then(forget, forget);
    }
    return answer;
  };
  return Object.assign(merged, { inFlight: () => pending.size });
}
