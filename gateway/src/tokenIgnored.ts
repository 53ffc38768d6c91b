import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Tells a client that its token was ignored (expired, revoked or invalid) and the request ran
 * anonymous: `extensions.tokenIgnored: true` on the response, so an app holding a stale token
 * can still log in or refresh, and knows to drop or renew the token.
 */
export function tokenIgnoredPlugin(): ApolloServerPlugin<{ tokenIgnored: boolean }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (!contextValue.tokenIgnored) return;
          const result =
            response.body.kind === 'single'
              ? response.body.singleResult
              : response.body.initialResult;
          result.extensions = { ...result.extensions, tokenIgnored: true };
        },
      };
    },
  };
}
