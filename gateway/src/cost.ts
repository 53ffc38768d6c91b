// The cost of an operation, computed with its variable values before the gateway plans it.
// Written by hand: graphql-armor's cost limit reads list sizes only from literal arguments
// (`first: $n` counts 1), and graphql-query-complexity, which reads variables, evaluates a
// fragment again at every spread (a chain of fragments each spreading the next twice doubles
// its work per level, bounded only by a node cap that costs tens of milliseconds per request).
// This walk costs each fragment once per request: linear in the size of the document.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@grahvani/shared';
import {
  Kind,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { limitError } from './limitError.ts';

/** Arguments that size the list a field returns (Relay's `first`/`last`, a plain `limit`). */
const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit']);

/**
 * Size assumed for a list without a size argument (sessions, notes, tags...): a default page.
 * The bounded ones are bounded by 20 (tags, addresses); the others grow with use.
 */
export const UNPAGED_LIST_SIZE = DEFAULT_PAGE_SIZE;

type Variables = Readonly<Record<string, unknown>>;

/** A literal or a variable's value (the request's, else the operation's default). */
function valueOf(node: ValueNode, variables: Variables, defaults: Variables): unknown {
  switch (node.kind) {
    case Kind.VARIABLE: {
      const name = node.name.value;
      return name in variables ? variables[name] : defaults[name];
    }
    case Kind.INT:
      return Number(node.value);
    case Kind.BOOLEAN:
      return node.value;
    default:
      return undefined;
  }
}

/** False when @skip or @include leaves the selection out (unknown values keep it in). */
function included(
  directives: readonly DirectiveNode[] | undefined,
  vars: Variables,
  defs: Variables,
): boolean {
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const arg = directive.arguments?.find((a) => a.name.value === 'if');
    const value = arg && valueOf(arg.value, vars, defs);
    if (typeof value === 'boolean' && value === (name === 'skip')) return false;
  }
  return true;
}

/**
 * Costs one operation. Every field counts 1 each time it can be resolved: the cost bounds the
 * number of values in the response. A field with a size argument (a Relay connection such as
 * `followers(first: $n)`) multiplies what is selected inside it by the size: the argument's
 * value (literal, variable or the operation's default) capped at the subgraphs' page maximum
 * (larger values are refused there as BAD_USER_INPUT), else the default page, as `pageArgs`
 * in @grahvani/shared does for every paged field. The `edges` list of a connection is that
 * same page, so it does not multiply again (totalCount and pageInfo are counted per item too:
 * a small overestimate). Other lists multiply by UNPAGED_LIST_SIZE. Introspection costs 1:
 * the gateway answers it from memory, it is off in production, and graphql-js's
 * MaxIntrospectionDepthRule refuses circular introspection queries. Inline fragments on
 * several types add up (an overestimate; the graph has no unions or interfaces today).
 */
class CostWalk {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly fragmentCosts = new Map<string, number>();
  private readonly defaults: Record<string, unknown> = {};

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    private readonly variables: Variables,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        this.fragments.set(definition.name.value, definition);
      }
    }
    for (const definition of operation.variableDefinitions ?? []) {
      if (definition.defaultValue) {
        this.defaults[definition.variable.name.value] = valueOf(definition.defaultValue, {}, {});
      }
    }
  }

  selections(set: SelectionSetNode, type: GraphQLNamedType | undefined): number {
    let cost = 0;
    for (const selection of set.selections) {
      if (!included(selection.directives, this.variables, this.defaults)) continue;
      if (selection.kind === Kind.FIELD) {
        cost += this.field(selection, type);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition?.name.value;
        cost += this.selections(selection.selectionSet, (on && this.schema.getType(on)) || type);
      } else {
        cost += this.fragment(selection.name.value);
      }
    }
    return cost;
  }

  private fragment(name: string): number {
    const known = this.fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    if (!fragment) return 0;
    // A cycle (which validation refuses anyway) costs 0 on the way back instead of looping.
    this.fragmentCosts.set(name, 0);
    const cost = this.selections(
      fragment.selectionSet,
      this.schema.getType(fragment.typeCondition.name.value) ?? undefined,
    );
    this.fragmentCosts.set(name, cost);
    return cost;
  }

  private field(node: FieldNode, parent: GraphQLNamedType | undefined): number {
    const name = node.name.value;
    if (!node.selectionSet || name.startsWith('__') || !parent || !('getInterfaces' in parent)) {
      return 1;
    }
    const definition: GraphQLField<unknown, unknown> | undefined = parent.getFields()[name];
    if (!definition) return 1;
    // The printed type ("[Note!]!") keeps this free of graphql's instanceof checks, which fail
    // when tests load graphql twice (ESM for our code, CommonJS for Apollo's schema).
    const printed = String(definition.type);
    const inside = this.selections(
      node.selectionSet,
      this.schema.getType(printed.replace(/[[\]!]/g, '')) ?? undefined,
    );
    const list = printed.startsWith('[') && !parent.name.endsWith('Connection');
    let size = list ? UNPAGED_LIST_SIZE : 1;
    const sized = definition.args.find((arg) => SIZE_ARGUMENTS.has(arg.name));
    if (sized) {
      const arg = node.arguments?.find((a) => a.name.value === sized.name);
      const value = arg && valueOf(arg.value, this.variables, this.defaults);
      size =
        typeof value === 'number' ? Math.min(Math.max(value, 0), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
    }
    return 1 + size * inside;
  }
}

/** The cost of `operation` in `document` with the request's `variables` (see CostWalk). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): number {
  const walk = new CostWalk(schema, document, operation, variables);
  const root =
    operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return walk.selections(operation.selectionSet, root ?? undefined);
}

/**
 * Refuses an operation whose cost, with this request's variables, exceeds `maxCost`
 * (GRAPHQL_VALIDATION_FAILED, HTTP 400, `extensions.limit` MAX_QUERY_COST). It runs at
 * didResolveOperation, the first hook that has both the operation and the variables, and
 * before the gateway plans or calls any subgraph.
 */
export function costLimitPlugin<TContext extends BaseContext>(
  maxCost: number,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {});
          if (cost > maxCost) throw limitError('MAX_QUERY_COST', maxCost, cost, { status: 400 });
        },
      };
    },
  };
}
