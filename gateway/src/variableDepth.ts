import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { nestedDeeperThan } from '@grahvani/shared';
import { GraphQLError } from 'graphql';

/**
 * Deepest nesting of a request's variables the gateway forwards. The subgraphs refuse JSON
 * deeper than MAX_JSON_DEPTH (32) naming the field; this backstop stops values so deep that
 * the gateway itself could not serialise them for the subgraph (JSON.stringify overflows the
 * stack at a few thousand levels), which would otherwise answer INTERNAL_SERVER_ERROR.
 */
export const MAX_VARIABLE_DEPTH = 64;

/** Refuses over-deep variables with BAD_USER_INPUT (HTTP 400, like other bad variables). */
export function variableDepthPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          if (nestedDeeperThan(request.variables ?? {}, MAX_VARIABLE_DEPTH)) {
            throw new GraphQLError(
              `Variables must be nested at most ${MAX_VARIABLE_DEPTH} levels deep`,
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
