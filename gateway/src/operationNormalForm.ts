import {
  Kind,
  print,
  type ArgumentNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

// The gateway's schema comes from @apollo/gateway, which loads graphql-js as CommonJS while this
// module loads it as ESM: graphql-js's instanceof-based predicates (isCompositeType,
// getNamedType) throw across the two. Types are therefore inspected by shape.
interface SchemaType {
  name: string;
  getFields?: () => Record<string, { type: unknown }>;
  getTypes?: () => unknown;
}

function namedType(type: unknown): SchemaType | undefined {
  let current = type;
  while (current && typeof current === 'object' && 'ofType' in current) current = current.ofType;
  return current && typeof current === 'object' && 'name' in current
    ? (current as SchemaType)
    : undefined;
}

// Object and interface types have fields, unions have member types.
const composite = (type: SchemaType | undefined | null) =>
  type && (type.getFields || type.getTypes) ? type : undefined;

/**
 * The normal form of a document holding one operation (plus any fragments), for comparing what
 * clients send with the contract. Two documents that ask for the same thing print the same:
 *
 * - whitespace, commas and comments do not matter (graphql-js's printer);
 * - `__typename` fields without an alias are dropped (Apollo Client's InMemoryCache and urql's
 *   graphcache add them to every selection set); an aliased `__typename` is kept;
 * - named fragments are inlined wherever they are spread, so their order and the order of the
 *   definitions do not matter; an inline fragment on the type it is already on, without
 *   directives, is dissolved into its parent selection;
 * - a field selected twice under one response key (a fragment and the operation both asking
 *   for `id`) is selected once, with its sub-selections merged;
 * - selections, arguments and variable definitions are sorted by name.
 *
 * Returns null for documents that are not one operation with its fragments. Written by hand:
 * Apollo's `operation signature` (@apollo/utils.*) keeps fragments and `__typename`, and hides
 * literals, which an allowlist must compare.
 */
export function normalForm(document: DocumentNode, schema: GraphQLSchema): string | null {
  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    else if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
    else return null;
  }
  const [operation] = operations;
  const root = operation && composite(schema.getRootType(operation.operation));
  if (operations.length !== 1 || !operation || !root) return null;
  const normaliser = new Normaliser(schema, fragments);
  try {
    return print({
      ...operation,
      variableDefinitions: [...(operation.variableDefinitions ?? [])].sort((a, b) =>
        byName(a.variable.name.value, b.variable.name.value),
      ),
      directives: operation.directives?.map(sortedArguments),
      selectionSet: normaliser.selectionSet(operation.selectionSet, root, new Set()),
    });
  } catch (err) {
    if (err instanceof NotNormalisable) return null;
    throw err;
  }
}

class Normaliser {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
  ) {}

  selectionSet(
    set: SelectionSetNode,
    parent: SchemaType | undefined,
    spreading: Set<string>,
  ): SelectionSetNode {
    const flat = set.selections.flatMap((s) => this.selection(s, parent, spreading));
    return { kind: Kind.SELECTION_SET, selections: merged(flat) };
  }

  private selection(
    node: SelectionNode,
    parent: SchemaType | undefined,
    spreading: Set<string>,
  ): SelectionNode[] {
    if (node.kind === Kind.FIELD) {
      if (node.name.value === '__typename' && !node.alias) return [];
      const definition = parent?.getFields?.()[node.name.value];
      const type = composite(definition && namedType(definition.type));
      return [
        {
          ...node,
          arguments: node.arguments && sortArguments(node.arguments),
          directives: node.directives?.map(sortedArguments),
          selectionSet: node.selectionSet && this.selectionSet(node.selectionSet, type, spreading),
        },
      ];
    }
    let inline: InlineFragmentNode;
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = this.fragments.get(node.name.value);
      // Unknown or cyclic spreads fail validation; refuse them here too.
      if (!fragment || spreading.has(node.name.value)) throw new NotNormalisable();
      spreading = new Set(spreading).add(node.name.value);
      inline = {
        kind: Kind.INLINE_FRAGMENT,
        typeCondition: fragment.typeCondition,
        directives: [...(node.directives ?? []), ...(fragment.directives ?? [])],
        selectionSet: fragment.selectionSet,
      };
    } else {
      inline = node;
    }
    const typeName = inline.typeCondition?.name.value ?? parent?.name;
    const target = typeName ? composite(this.schema.getType(typeName)) : undefined;
    const selectionSet = this.selectionSet(inline.selectionSet, target, spreading);
    if (!inline.directives?.length && typeName !== undefined && typeName === parent?.name) {
      return [...selectionSet.selections];
    }
    return [
      {
        kind: Kind.INLINE_FRAGMENT,
        typeCondition: typeName
          ? { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: typeName } }
          : undefined,
        directives: inline.directives?.map(sortedArguments),
        selectionSet,
      },
    ];
  }
}

// Unknown or cyclic fragment spreads (which validation refuses anyway).
class NotNormalisable extends Error {}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// One selection per response key and arguments (sub-selections merged), in a stable order.
function merged(selections: SelectionNode[]): SelectionNode[] {
  const byKey = new Map<string, SelectionNode>();
  for (const selection of selections) {
    const key = selectionKey(selection);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, selection);
    } else if ('selectionSet' in seen && seen.selectionSet && 'selectionSet' in selection) {
      const both = [...seen.selectionSet.selections, ...(selection.selectionSet?.selections ?? [])];
      byKey.set(key, {
        ...seen,
        selectionSet: { kind: Kind.SELECTION_SET, selections: merged(both) },
      } as SelectionNode);
    }
  }
  return [...byKey.entries()].sort(([a], [b]) => byName(a, b)).map(([, s]) => s);
}

// Fields sort before inline fragments; both by what makes them distinct.
function selectionKey(selection: SelectionNode): string {
  const directives = (selection.directives ?? []).map((d) => print(d)).join(' ');
  if (selection.kind === Kind.FIELD) {
    const field: FieldNode = selection;
    const args = (field.arguments ?? []).map((a) => print(a)).join(',');
    return `0 ${field.alias?.value ?? field.name.value} ${field.name.value}(${args}) ${directives}`;
  }
  if (selection.kind === Kind.INLINE_FRAGMENT) {
    return `1 ${selection.typeCondition?.name.value ?? ''} ${directives}`;
  }
  return `2 ${selection.name.value} ${directives}`;
}

function sortArguments(args: readonly ArgumentNode[]): ArgumentNode[] {
  return [...args].sort((a, b) => byName(a.name.value, b.name.value));
}

function sortedArguments(directive: DirectiveNode): DirectiveNode {
  return { ...directive, arguments: directive.arguments && sortArguments(directive.arguments) };
}
