import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/** Codes of a subgraph's 400 answer that describe the client's input, safe to pass on. */
const INPUT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']);

/**
 * A subgraph answers HTTP 400 when its own scalars refuse a value the gateway's schema cannot
 * judge (the supergraph knows custom scalars by name only): a variable (BAD_USER_INPUT, e.g.
 * birthDate "2023-02-30") or a literal written inline in the query (GRAPHQL_VALIDATION_FAILED,
 * e.g. `dateOfBirth: "1999-13-45"`). By default the gateway turns every non-2xx answer into an
 * opaque "400: Bad Request" error carrying the subgraph's URL, masked as INTERNAL_SERVER_ERROR;
 * this keeps the subgraph's code, message and `extensions.field` instead, and nothing else
 * (no URL, no stack). Any other answer keeps the default.
 */
export async function errorFromSubgraphResponse(
  this: RemoteGraphQLDataSource,
  response: FetcherResponse,
): Promise<GraphQLError> {
  // The subgraph's body limit (1 MB for auth and users) is below the gateway's (6 MB, for CSV
  // imports): what the gateway let through is still the client's oversized input.
  if (response.status === 413) {
    return new GraphQLError('The request is too large for this operation', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (response.status === 400) {
    try {
      const body = (await response.clone().json()) as {
        errors?: { message?: unknown; extensions?: { code?: unknown; field?: unknown } }[];
      };
      const first = body.errors?.[0];
      const code = first?.extensions?.code;
      if (typeof code === 'string' && INPUT_CODES.has(code) && typeof first?.message === 'string') {
        const field = first.extensions?.field;
        return new GraphQLError(first.message, {
          extensions: { code, ...(typeof field === 'string' ? { field } : {}) },
        });
      }
    } catch {
      // not a GraphQL response: the default below describes it
    }
  }
  return RemoteGraphQLDataSource.prototype.errorFromResponse.call(this, response);
}
