import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, parse, print } from 'graphql';

/** Error code of an operation outside the allowlist (as Apollo's router names it). */
export const NOT_IN_LIST = 'PERSISTED_QUERY_NOT_IN_LIST';

/**
 * The frontends' operations (`contract/*.graphql`) in normal form, one entry per operation.
 * A request matches when its document, printed by graphql-js, equals one of these: formatting
 * and comments do not matter, names, arguments and selections do.
 */
export function loadAllowlist(dir: string): Set<string> {
  const allowed = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()) {
    for (const definition of parse(readFileSync(path.join(dir, file), 'utf8')).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) allowed.add(print(definition));
    }
  }
  return allowed;
}

/**
 * Refuses every operation that is not in the allowlist (introspection included), before the
 * gateway plans it. Written by hand: Apollo's safelisting lives in GraphOS and the router, not
 * in @apollo/server, and this is a set lookup.
 */
export function allowlistPlugin<TContext extends BaseContext>(
  allowed: Set<string>,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document }) {
          const operations = document.definitions.filter(
            (d) => d.kind === Kind.OPERATION_DEFINITION,
          );
          const known =
            operations.length === 1 &&
            document.definitions.length === 1 &&
            allowed.has(print(document.definitions[0]!));
          if (!known) {
            throw new GraphQLError('This operation is not in the allowlist of this graph', {
              extensions: { code: NOT_IN_LIST, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
