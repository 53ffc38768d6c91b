import { GraphQLError } from 'graphql';

/** The query limits, named by the variable that sets each. */
export type LimitName =
  | 'MAX_QUERY_DEPTH'
  | 'MAX_QUERY_ALIASES'
  | 'MAX_QUERY_COST'
  | 'MAX_FIELD_DIRECTIVES'
  | 'MAX_QUERY_DIRECTIVES';

const WHAT: Record<LimitName, string> = {
  MAX_QUERY_DEPTH: 'depth',
  MAX_QUERY_ALIASES: 'number of aliases',
  MAX_QUERY_COST: 'cost',
  MAX_FIELD_DIRECTIVES: 'number of directives on one field',
  MAX_QUERY_DIRECTIVES: 'number of directives',
};

/**
 * An operation refused by a query limit: GRAPHQL_VALIDATION_FAILED like every other refused
 * document (HTTP 400), with `extensions.limit` naming the limit and `max` its value, so a
 * client developer can tell which one and a test can tell them apart.
 */
export function limitError(
  limit: LimitName,
  max: number,
  found?: number,
  http?: { status: number },
): GraphQLError {
  const detail = found === undefined ? '' : ` (found ${found})`;
  return new GraphQLError(`The operation's ${WHAT[limit]} exceeds the limit of ${max}${detail}`, {
    extensions: {
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit,
      max,
      ...(found === undefined ? {} : { found }),
      ...(http ? { http } : {}),
    },
  });
}
