import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode } from '@grahvani/shared';

/**
 * Lists the subgraphs that could not answer in the response's `extensions.unavailableSubgraphs`
 * (sorted names), so a client can tell "missing because a service is down" from "null".
 */
export function unavailableSubgraphsPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const names = new Set<string>();
          for (const error of result.errors ?? []) {
            const subgraph = error.extensions?.subgraph;
            if (error.extensions?.code === ErrorCode.SUBGRAPH_UNAVAILABLE) {
              if (typeof subgraph === 'string') names.add(subgraph);
            }
          }
          if (names.size === 0) return;
          result.extensions = { ...result.extensions, unavailableSubgraphs: [...names].sort() };
        },
      };
    },
  };
}
