import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { createRequire } from 'node:module';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import type * as GraphQL from 'graphql';
import type { GraphQLSchema } from 'graphql';
import {
  DateResolver,
  DateTimeResolver,
  EmailAddressResolver,
  JSONObjectResolver,
  URLResolver,
} from 'graphql-scalars';

// The instance of graphql that built the gateway's schema (@apollo/gateway requires it): its
// schema checks use `instanceof`, and a bundler (vitest) may resolve our own `import` to the
// package's other (ESM) build, whose classes it would refuse as from "another realm".
const {
  GraphQLError,
  GraphQLScalarType,
  Kind,
  ValuesOfCorrectTypeRule,
  getVariableValues,
  validate,
} = createRequire(import.meta.url)('graphql') as typeof GraphQL;

const decimalMessage = 'Decimal must be a string, e.g. "1500.00"';

/**
 * The subgraphs' custom scalars as they read input (graphql-scalars', and the clients
 * subgraph's Decimal, which takes strings only and leaves the format to its resolver).
 */
const INPUT_SCALARS: Record<
  string,
  Pick<InstanceType<typeof GraphQLScalarType>, 'parseValue' | 'parseLiteral'>
> = {
  Date: DateResolver,
  DateTime: DateTimeResolver,
  EmailAddress: EmailAddressResolver,
  JSONObject: JSONObjectResolver,
  URL: URLResolver,
  Decimal: new GraphQLScalarType({
    name: 'Decimal',
    parseValue(value) {
      if (typeof value !== 'string') throw new GraphQLError(decimalMessage);
      return value;
    },
    parseLiteral(ast) {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(decimalMessage);
      return ast.value;
    },
  }),
};

const checkingSchemas = new WeakMap<GraphQLSchema, GraphQLSchema>();

/** The API schema with the custom scalars' real input parsers (the supergraph has names only). */
function checkingSchema(schema: GraphQLSchema): GraphQLSchema {
  let checking = checkingSchemas.get(schema);
  if (!checking) {
    checking = mapSchema(schema, {
      [MapperKind.SCALAR_TYPE]: (type) => {
        const parser = INPUT_SCALARS[type.name];
        if (!parser) return type;
        return new GraphQLScalarType({
          ...type.toConfig(),
          parseValue: parser.parseValue,
          parseLiteral: parser.parseLiteral,
        });
      },
    });
    checkingSchemas.set(schema, checking);
  }
  return checking;
}

/**
 * Judges every scalar of the request at the gateway, custom ones included: the supergraph
 * knows `Date` or `URL` by name only, so a bad Date variable used to reach a subgraph and fail
 * there, during execution (HTTP 200), while a bad Float failed here, before it (HTTP 400 under
 * application/graphql-response+json). Now both are request errors with the same code and
 * status: a literal as GRAPHQL_VALIDATION_FAILED, a variable as BAD_USER_INPUT.
 */
export function scalarInputPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  // Literals depend on the document alone, and Apollo Server reuses the parsed document of a
  // repeated query: each document's literals are judged once (per schema), not per request.
  const literals = new WeakMap<
    GraphQL.DocumentNode,
    { schema: GraphQLSchema; error: GraphQL.GraphQLError | undefined }
  >();
  const literalError = (schema: GraphQLSchema, document: GraphQL.DocumentNode) => {
    const known = literals.get(document);
    if (known?.schema === schema) return known.error;
    const [error] = validate(checkingSchema(schema), document, [ValuesOfCorrectTypeRule]);
    literals.set(document, { schema, error });
    return error;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const literal = literalError(schema, document);
          if (literal) {
            throw new GraphQLError(literal.message, {
              nodes: literal.nodes,
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
          const definitions = operation?.variableDefinitions ?? [];
          if (definitions.length === 0) return;
          const coerced = getVariableValues(
            checkingSchema(schema),
            definitions,
            request.variables ?? {},
          );
          const [variable] = coerced.errors ?? [];
          if (variable) {
            throw new GraphQLError(variable.message, {
              nodes: variable.nodes,
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
