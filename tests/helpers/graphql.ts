// A minimal GraphQL-over-HTTP client for tests: real HTTP, no client library magic.

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

export interface GraphQLClient {
  /** POSTs an operation; returns status, data and errors as received. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
}

/** A client of `url`; `headers` go with every request (e.g. the gateway proof to a subgraph). */
export function createGraphQLClient(
  url: string,
  headers: Record<string, string> = {},
): GraphQLClient {
  return {
    async gql<T>(query: string, variables?: Record<string, unknown>, options: RequestOptions = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // As Apollo Client sends it: request errors then answer 400 (GraphQL over HTTP).
          accept: 'application/graphql-response+json, application/json;q=0.9',
          ...headers,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return { status: res.status, ...body };
    },
  };
}

/** The `extensions.code` of every error, in order. */
export function errorCodes(response: GraphQLResponse<unknown>): unknown[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}

/**
 * How a request's access token fared: the error codes, preceded by TOKEN_IGNORED when the
 * gateway ignored the token (expired, revoked, invalid) and ran the request anonymous.
 * Subgraphs refuse such a token with UNAUTHENTICATED instead.
 */
export function tokenOutcome(response: GraphQLResponse<unknown>): unknown[] {
  const ignored = response.extensions?.tokenIgnored === true ? ['TOKEN_IGNORED'] : [];
  return [...ignored, ...errorCodes(response)];
}
