// The gateway's HTTP client for subgraph calls: undici's `request` (no WHATWG streams, the
// cheapest call undici offers) with the whole answer read into memory, wrapped in the small
// part of the fetch Response that RemoteGraphQLDataSource and our error mapping use.
import { request, type Agent } from 'undici';

/** A fully read subgraph answer; `json()` and `text()` decode anew on every call. */
export class BufferedResponse {
  readonly ok: boolean;
  readonly redirected = false;
  readonly bodyUsed = false;
  readonly headers: Headers;

  constructor(
    readonly status: number,
    headers: Headers | Record<string, string>,
    readonly body: Buffer,
    readonly url = '',
    readonly statusText = '',
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = headers instanceof Headers ? headers : new Headers(headers);
  }

  text(): Promise<string> {
    return Promise.resolve(this.body.toString('utf8'));
  }

  json(): Promise<unknown> {
    return Promise.resolve(JSON.parse(this.body.toString('utf8')) as unknown);
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.body;
    return Promise.resolve(buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer);
  }

  /** The same answer for another reader (the body is immutable). */
  clone(): BufferedResponse {
    return new BufferedResponse(this.status, this.headers, this.body, this.url, this.statusText);
  }
}

/** The fetch function a RemoteGraphQLDataSource calls (url and the init it builds). */
export type SubgraphFetch = (
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<BufferedResponse>;

/** POSTs to a subgraph through `agent`, aborted after `timeoutMs` (connection to last byte). */
export function createSubgraphFetch(agent: Agent, timeoutMs: number): SubgraphFetch {
  return async (url, init) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const { statusCode, headers, body } = await request(url, {
      method: (init.method ?? 'POST') as 'POST',
      headers: init.headers,
      body: init.body,
      dispatcher: agent,
      signal,
    });
    const bytes = Buffer.from(await body.arrayBuffer());
    const single: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) single[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return new BufferedResponse(statusCode, single, bytes, url);
  };
}
