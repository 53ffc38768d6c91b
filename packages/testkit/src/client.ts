// A minimal GraphQL-over-HTTP client: real HTTP, no client library magic. `gql` takes a
// document string; `graphql` also takes a TypedDocumentNode (GraphQL Code Generator's client
// preset, e.g. the contract operations) and then returns its result type.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** One GraphQL error as received. */
export interface GraphQLResponseError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GraphQLResponseError[];
  extensions?: Record<string, unknown>;
}

export interface RequestOptions {
  /** Access token, sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
}

/** A document string, or a parsed document that carries its result and variables types. */
export type Document<TData, TVariables> = TypedDocumentNode<TData, TVariables> | string;

/** Sends one operation; typed by the document when it is a TypedDocumentNode. */
export type GraphQLRequest = <
  TData = Record<string, unknown>,
  TVariables = Record<string, unknown>,
>(
  document: Document<TData, TVariables>,
  variables?: TVariables,
  options?: RequestOptions,
) => Promise<GraphQLResponse<TData>>;

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

/** `graphql(document, variables, { token })` over a client. */
export function typedRequest(client: GraphQLClient): GraphQLRequest {
  return <TData, TVariables>(
    document: Document<TData, TVariables>,
    variables?: TVariables,
    options?: RequestOptions,
  ) =>
    client.gql<TData>(
      typeof document === 'string' ? document : print(document),
      variables as Record<string, unknown> | undefined,
      options,
    );
}

/** The `extensions.code` of every error, in order. */
export function errorCodes(response: GraphQLResponse<unknown>): unknown[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}

/** The response's data; throws with the error codes and messages when there is none. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.data == null || response.errors?.length) {
    throw new Error(
      `GraphQL request failed (${response.status}): ${JSON.stringify(response.errors)}`,
    );
  }
  return response.data;
}
