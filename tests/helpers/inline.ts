// Writes variable values into an operation as literals, so the sweep also sends hostile values
// the way a hand-written query does: inline, coerced by each scalar's parseLiteral.
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  print,
  typeFromAST,
  visit,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A literal for `value` at `type` (untyped below custom scalars and unknown fields). */
function literal(value: unknown, type: GraphQLInputType | undefined): ValueNode {
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return { kind: Kind.NULL };
  if (Array.isArray(value)) {
    const item = inner && isListType(inner) ? inner.ofType : undefined;
    return { kind: Kind.LIST, values: value.map((v) => literal(v, item)) };
  }
  if (typeof value === 'object') {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    return {
      kind: Kind.OBJECT,
      fields: Object.entries(value).map(([key, v]) => ({
        kind: Kind.OBJECT_FIELD,
        // Keys that are no GraphQL name make the document unparsable, which is fine: a client
        // may send that too.
        name: { kind: Kind.NAME, value: key },
        value: literal(v, fields[key]?.type),
      })),
    };
  }
  if (typeof value === 'boolean') return { kind: Kind.BOOLEAN, value };
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) < 1e21
      ? { kind: Kind.INT, value: String(value) }
      : { kind: Kind.FLOAT, value: String(value) };
  }
  const text = String(value);
  if (inner && isEnumType(inner) && NAME.test(text)) return { kind: Kind.ENUM, value: text };
  return { kind: Kind.STRING, value: text };
}

/** The operation with every variable replaced by its value as a literal. */
export function inlineVariables(
  schema: GraphQLSchema,
  document: string,
  variables: Record<string, unknown>,
): string {
  const ast = parse(document);
  const operation = ast.definitions[0] as OperationDefinitionNode;
  const types = new Map(
    (operation.variableDefinitions ?? []).map((def) => [
      def.variable.name.value,
      typeFromAST(schema, def.type) as GraphQLInputType,
    ]),
  );
  return print(
    visit(ast, {
      OperationDefinition: (node) => ({ ...node, variableDefinitions: [] }),
      Variable: (node) => literal(variables[node.name.value], types.get(node.name.value)),
    }),
  );
}
