// The cost of an operation as the gateway computes it (gateway/src/cost.ts), against the
// gateway's API schema: with the request's variables, the subgraphs' paging defaults and
// maxima, nested lists multiplying, fragments counted where they are spread.
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@grahvani/shared';
import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../gateway/src/config.ts';
import { operationCost, UNPAGED_LIST_SIZE } from '../gateway/src/cost.ts';
import { contractOperations, gatewayApiSchema } from './helpers/contract.ts';

const schema = gatewayApiSchema();

function cost(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return operationCost(schema, document, operation, variables);
}

// user + followers, then per follower: edges, node, id.
const FOLLOWERS =
  'query ($n: Int) { user(id: "u") { followers(first: $n) { edges { node { id } } } } }';
const page = (n: number) => 2 + 3 * n;

describe('operation cost', () => {
  it('reads list sizes from variables exactly as from literals', () => {
    expect(cost(FOLLOWERS, { n: 7 })).toBe(page(7));
    expect(cost('{ user(id: "u") { followers(first: 7) { edges { node { id } } } } }')).toBe(
      page(7),
    );
    expect(cost(FOLLOWERS.replace('$n: Int', '$n: Int = 7'))).toBe(page(7));
  });

  it("uses the resolvers' default page when the size is absent or null, their maximum above it", () => {
    expect(cost(FOLLOWERS)).toBe(page(DEFAULT_PAGE_SIZE));
    expect(cost(FOLLOWERS, { n: null })).toBe(page(DEFAULT_PAGE_SIZE));
    expect(cost('{ user(id: "u") { followers { edges { node { id } } } } }')).toBe(
      page(DEFAULT_PAGE_SIZE),
    );
    expect(cost(FOLLOWERS, { n: 100_000 })).toBe(page(MAX_PAGE_SIZE));
    expect(cost(FOLLOWERS, { n: 0 })).toBe(page(0));
  });

  it('multiplies nested lists', () => {
    const nested = `query ($n: Int) { user(id: "u") { followers(first: $n) { edges { node {
      followers(first: $n) { edges { node { id } } } } } } } }`;
    // per outer follower: edges, node, followers and the inner page of n followers.
    expect(cost(nested, { n: 10 })).toBe(2 + 10 * (3 + 10 * 3));
    expect(cost(nested, { n: 100 })).toBe(2 + 100 * (3 + 100 * 3));
  });

  it('counts a list without a size argument as UNPAGED_LIST_SIZE items', () => {
    expect(cost('{ client(id: "c") { notes { id content } } }')).toBe(2 + UNPAGED_LIST_SIZE * 2);
    // A list of scalars is one value per item too, but has nothing inside to multiply.
    expect(cost('{ client(id: "c") { tags } }')).toBe(2);
  });

  it('counts fragments and inline fragments where they are spread, and honours @skip', () => {
    const inline = cost(FOLLOWERS, { n: 5 });
    expect(
      cost(
        `query ($n: Int) { user(id: "u") { ...F } }
         fragment F on User { followers(first: $n) { edges { node { ... on User { id } } } } }`,
        { n: 5 },
      ),
    ).toBe(inline);
    expect(
      cost(
        'query ($n: Int, $s: Boolean!) { user(id: "u") { followers(first: $n) @skip(if: $s) { totalCount } } }',
        { n: 5, s: true },
      ),
    ).toBe(1);
  });

  it('costs a fragment once per request, however often it is spread', () => {
    let fragments = 'fragment F0 on User { id name }';
    for (let i = 1; i < 40; i += 1) {
      fragments += ` fragment F${i} on User { ...F${i - 1} ...F${i - 1} }`;
    }
    const started = performance.now();
    // Each level spreads the one below twice: 2^40 fields as written, counted in 40 steps.
    expect(cost(`{ user(id: "u") { ...F39 } } ${fragments}`)).toBe(1 + 2 ** 40);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('counts a size that is not a number as the default page (the gateway refuses it)', () => {
    expect(cost(FOLLOWERS, { n: 'many' })).toBe(page(DEFAULT_PAGE_SIZE));
  });
});

/** A value for a required variable (IDs and custom scalars accept any string here). */
function sample(type: GraphQLInputType): unknown {
  const named = getNullableType(type);
  if (isListType(named)) return [sample(named.ofType)];
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    const required = Object.values(named.getFields()).filter((f) => isNonNullType(f.type));
    return Object.fromEntries(required.map((f) => [f.name, sample(f.type)]));
  }
  if (named.name === 'Int' || named.name === 'Float') return 1;
  if (named.name === 'Boolean') return true;
  return 'x';
}

describe('the contract under the default cost limit', () => {
  const { maxCost } = loadConfig({ NODE_ENV: 'test' }).limits;
  const operations = readdirSync('contract')
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((file) => contractOperations(file));

  it.each(operations)('$name costs less than the limit with every page at its maximum', (op) => {
    const document = parse(op.document);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const variables: Record<string, unknown> = {};
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      const type = typeFromAST(schema, definition.type) as GraphQLInputType;
      if (name === 'first') variables[name] = MAX_PAGE_SIZE;
      else if (isNonNullType(type)) variables[name] = sample(type);
    }
    const value = operationCost(schema, document, operation, variables);
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThanOrEqual(maxCost);
  });
});

describe('the limits in the configuration', () => {
  it('reads every limit from the environment, with the documented defaults', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).limits).toEqual({
      maxDepth: 12,
      maxAliases: 15,
      maxCost: 10_000,
      maxTokens: 2000,
      maxFieldDirectives: 5,
      maxDirectives: 50,
    });
    const limits = loadConfig({
      MAX_QUERY_COST: '500',
      MAX_FIELD_DIRECTIVES: '2',
      MAX_QUERY_DIRECTIVES: '10',
    }).limits;
    expect(limits).toMatchObject({ maxCost: 500, maxFieldDirectives: 2, maxDirectives: 10 });
    expect(() => loadConfig({ MAX_FIELD_DIRECTIVES: '-1' })).toThrow();
    expect(() => loadConfig({ MAX_QUERY_COST: 'lots' })).toThrow();
  });
});
