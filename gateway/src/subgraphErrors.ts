import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/**
 * A subgraph answers HTTP 400 with BAD_USER_INPUT when a variable fails its scalar (e.g.
 * birthDate "2023-02-30"): the gateway's own schema cannot see that. By default the gateway
 * turns every non-2xx answer into an opaque error, masked as INTERNAL_SERVER_ERROR; this keeps
 * the subgraph's BAD_USER_INPUT and message instead. Anything else keeps the default.
 */
export async function errorFromSubgraphResponse(
  this: RemoteGraphQLDataSource,
  response: FetcherResponse,
): Promise<GraphQLError> {
  if (response.status === 400) {
    try {
      const body = (await response.clone().json()) as {
        errors?: { message?: unknown; extensions?: { code?: unknown } }[];
      };
      const first = body.errors?.[0];
      if (first?.extensions?.code === 'BAD_USER_INPUT' && typeof first.message === 'string') {
        return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
      }
    } catch {
      // not a GraphQL response: the default below describes it
    }
  }
  return RemoteGraphQLDataSource.prototype.errorFromResponse.call(this, response);
}
