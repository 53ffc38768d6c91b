import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { HTTPGraphQLRequest } from '@apollo/server';
import { sha256OfDocumentId } from './operationManifest.ts';

function documentIdOf(http: HTTPGraphQLRequest | undefined): string | undefined {
  if (!http) return undefined;
  const { body } = http;
  if (body && typeof body === 'object' && 'documentId' in body) {
    return typeof body.documentId === 'string' ? body.documentId : undefined;
  }
  return new URLSearchParams(http.search).get('documentId') ?? undefined;
}

/**
 * Accepts persisted operations in the GraphQL-over-HTTP form, `{"documentId": "sha256:<hex>"}`
 * (what the client preset's manifest keys are, and what Hive, Yoga and Relay clients send), by
 * turning it into Apollo's `extensions.persistedQuery.sha256Hash` before Apollo Server looks
 * for the document: the one persisted-operation store answers both forms, and an unknown id is
 * PERSISTED_QUERY_NOT_FOUND. Written by hand: Apollo Server knows only its own extension.
 */
export function documentIdPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      const id = documentIdOf(request.http);
      if (id === undefined || request.query !== undefined || request.extensions?.persistedQuery) {
        return;
      }
      request.extensions = {
        ...request.extensions,
        persistedQuery: { version: 1, sha256Hash: sha256OfDocumentId(id) },
      };
    },
  };
}
