import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** Request errors that the GraphQL over HTTP spec answers with 200 under application/json. */
const REQUEST_ERRORS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
]);

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

/** True when the Accept header lists application/graphql-response+json with a non-zero q. */
function acceptsGraphQLResponseJson(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => {
    const [type, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    return type === 'application/graphql-response+json' && (!q || Number(q.slice(2)) > 0);
  });
}

/**
 * GraphQL over HTTP: a document that fails to parse or validate, or variables that fail to
 * coerce, are answered 400 under `application/graphql-response+json` but 200 under the legacy
 * `application/json` (clients of that type read errors only from 200 bodies). Apollo Server
 * answers 400 for both, so this plugin picks the media type itself: the new one, with 400,
 * when the client accepts it; otherwise application/json with 200. The body is the same.
 */
export function legacyJsonStatusPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ request }) {
      return {
        async willSendResponse({ response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const requestFailed =
            data === undefined &&
            (errors ?? []).length > 0 &&
            (errors ?? []).every((error) => REQUEST_ERRORS.has(String(error.extensions?.code)));
          if (!requestFailed) return;
          if (acceptsGraphQLResponseJson(request.http?.headers.get('accept'))) {
            response.http.headers.set('content-type', GRAPHQL_RESPONSE_JSON);
          } else {
            response.http.status = 200;
          }
        },
      };
    },
  };
}
