import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationContext, ValidationRule } from 'graphql';
import type { QueryLimits } from './config.ts';
import { costLimitPlugin } from './cost.ts';
import { directiveLimitRule } from './directiveLimitRule.ts';
import { limitError, type LimitName } from './limitError.ts';

/** What the gateway's Apollo Server needs to enforce the query limits. */
export interface QueryLimitOptions<TContext extends BaseContext> {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<TContext>[];
  /** An array of operations in one POST would multiply every limit: refused. */
  allowBatchedHttpRequests: false;
}

/** Reports armor's refusal as ours: same code, `extensions.limit` naming the limit. */
function reportAs(limit: LimitName, max: number) {
  return {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null) => context?.reportError(limitError(limit, max))],
  };
}

/**
 * The query limits, all checked before the gateway plans an operation or calls a subgraph:
 * depth and aliases (graphql-armor; aliases count every field, `__typename` included),
 * directives per field and per operation (directiveLimitRule.ts), and the cost computed with
 * the request's variables (cost.ts). Field suggestions ("Did you mean ...") are removed from
 * errors when `hideSuggestions` is set (production).
 */
export function createQueryLimits<TContext extends BaseContext>(
  limits: QueryLimits,
  { hideSuggestions }: { hideSuggestions: boolean },
): QueryLimitOptions<TContext> {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...reportAs('MAX_QUERY_DEPTH', limits.maxDepth) },
    maxAliases: {
      n: limits.maxAliases,
      // armor's default lets `__typename` be aliased without limit.
      allowList: [],
      ...reportAs('MAX_QUERY_ALIASES', limits.maxAliases),
    },
    // Replaced: armor's cost ignores variables (cost.ts), its directive count is per operation
    // only (directiveLimitRule.ts), and its token limit reports syntax errors as validation
    // failures (the gateway passes maxTokens to graphql-js's parser instead).
    costLimit: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: hideSuggestions },
  }).protect();
  return {
    validationRules: [
      directiveLimitRule({
        perField: limits.maxFieldDirectives,
        perOperation: limits.maxDirectives,
      }),
      ...armor.validationRules,
    ],
    plugins: [
      // graphql-armor is CommonJS and types its plugins with Apollo Server's CJS typings;
      // the runtime objects are the same, only the duplicated declarations differ.
      ...(armor.plugins as unknown as ApolloServerPlugin<TContext>[]),
      costLimitPlugin<TContext>(limits.maxCost),
    ],
    allowBatchedHttpRequests: false,
  };
}
