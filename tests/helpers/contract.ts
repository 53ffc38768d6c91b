// The frontends' operations (contract/*.graphql) against the gateway's public API schema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import {
  buildSchema,
  Kind,
  parse,
  print,
  validate,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { composeSupergraph } from '../../gateway/src/compose.ts';

export interface ContractOperation {
  name: string;
  /** The operation's document alone (fragments are not used by the contract). */
  document: string;
}

/** The API schema clients see through the gateway (federation internals removed). */
export function gatewayApiSchema(): GraphQLSchema {
  // Printed and rebuilt: federation-internals loads graphql as CommonJS, tests use ESM.
  return buildSchema(printSchema(Supergraph.build(composeSupergraph().supergraphSdl).apiSchema()));
}

/** Every named operation of `contract/<file>`. */
export function contractOperations(file: string): ContractOperation[] {
  const source = readFileSync(path.resolve('contract', file), 'utf8');
  return parse(source)
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => ({ name: op.name?.value ?? '(anonymous)', document: print(op) }));
}

/** Validation errors of one operation against the schema (empty when it validates). */
export function validateOperation(schema: GraphQLSchema, operation: ContractOperation): string[] {
  return validate(schema, parse(operation.document)).map((e) => e.message);
}
