// GraphQL over HTTP for tests: the integration-test kit's client (packages/testkit/src/client.ts).
import { errorCodes, type GraphQLResponse } from '@grahvani/testkit/client';

export {
  createGraphQLClient,
  errorCodes,
  type GraphQLClient,
  type GraphQLResponse,
  type RequestOptions,
} from '@grahvani/testkit/client';

/**
 * How a request's access token fared: the error codes, preceded by TOKEN_IGNORED when the
 * gateway ignored the token (expired, revoked, invalid) and ran the request anonymous.
 * Subgraphs refuse such a token with UNAUTHENTICATED instead.
 */
export function tokenOutcome(response: GraphQLResponse<unknown>): unknown[] {
  const ignored = response.extensions?.tokenIgnored === true ? ['TOKEN_IGNORED'] : [];
  return [...ignored, ...errorCodes(response)];
}
