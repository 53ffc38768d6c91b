// Query limits at the gateway, through the real stack: the cost is computed with the request's
// variables and refused before any subgraph is called; aliases count `__typename`; directives
// are limited per field and per operation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './fixtures/users.ts';
import { errorCodes, type GraphQLResponse } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

/** `followers` three deep, ten times over (aliases): millions of nodes at first: 100. */
const fanOut = (first: string) =>
  `query Fan($id: ID!${first.includes('$n') ? ', $n: Int' : ''}) { ${Array.from(
    { length: 10 },
    (_, i) =>
      `a${i}: user(id: $id) { followers${first} { edges { node { followers${first} { edges {
        node { followers${first} { edges { node { id } } } } } } } } } }`,
  ).join('\n')} }`;

function limitOf(res: GraphQLResponse<unknown>) {
  return res.errors?.map((e) => e.extensions?.limit);
}

function foundOf(res: GraphQLResponse<unknown>) {
  return res.errors?.[0]?.extensions?.found;
}

describe('gateway query limits', () => {
  let stack: Stack;
  let user: TestUser;
  let statements = 0;

  beforeAll(async () => {
    stack = await startStack({ onQuery: () => (statements += 1) });
    user = await createUser(stack, 'Limits');
  });
  afterAll(() => stack?.close());

  /** The response, and how many SQL statements the subgraphs ran while answering it. */
  async function measured(query: string, variables: Record<string, unknown> = {}) {
    const before = statements;
    const res = await stack.gql(query, variables);
    return { res, statements: statements - before };
  }

  it('refuses a fan-out whose sizes come from variables, before any subgraph is called', async () => {
    const { res, statements: ran } = await measured(fanOut('(first: $n)'), {
      id: user.profileId,
      n: 100,
    });
    expect(res.status).toBe(400);
    expect(res.data ?? null).toBeNull();
    expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(limitOf(res)).toEqual(['MAX_QUERY_COST']);
    expect(foundOf(res)).toBeGreaterThan(1_000_000);
    expect(res.errors?.[0]?.extensions).toMatchObject({ max: 10_000 });
    expect(res.errors?.[0]?.extensions).not.toHaveProperty('http');
    expect(ran).toBe(0);
  });

  it('answers the same shape with small pages (and the subgraphs are called)', async () => {
    const { res, statements: ran } = await measured(fanOut('(first: $n)'), {
      id: user.profileId,
      n: 2,
    });
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.data).toHaveProperty('a9.followers.edges');
    expect(ran).toBeGreaterThan(0);
  });

  it('costs a literal size and the same size in a variable alike', async () => {
    const literal = await stack.gql(fanOut('(first: 100)'), { id: user.profileId });
    const variable = await stack.gql(fanOut('(first: $n)'), { id: user.profileId, n: 100 });
    expect(limitOf(literal)).toEqual(['MAX_QUERY_COST']);
    expect(foundOf(literal)).toBe(foundOf(variable));
  });

  it("costs an absent size as the resolvers' default page (20)", async () => {
    const absent = await stack.gql(fanOut(''), { id: user.profileId });
    const twenty = await stack.gql(fanOut('(first: 20)'), { id: user.profileId });
    const unset = await stack.gql(fanOut('(first: $n)'), { id: user.profileId });
    expect(limitOf(absent)).toEqual(['MAX_QUERY_COST']);
    expect(foundOf(absent)).toBe(foundOf(twenty));
    expect(foundOf(unset)).toBe(foundOf(twenty));
  });

  it('counts aliases of __typename', async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    const fifteen = await stack.gql(aliases(15));
    expect(fifteen.errors).toBeUndefined();
    expect(fifteen.data).toHaveProperty('t14', 'Query');
    const sixteen = await stack.gql(aliases(16));
    expect(sixteen.status).toBe(400);
    expect(sixteen.data ?? null).toBeNull();
    expect(errorCodes(sixteen)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(limitOf(sixteen)).toEqual(['MAX_QUERY_ALIASES']);
  });

  it('allows 5 directives on a field and refuses 6 with one error', async () => {
    // Unknown directives: at 5, graphql-js reports each one; at 6, only the limit answers.
    const five = await stack.gql('{ __typename @a @b @c @d @e }');
    expect(five.errors).toHaveLength(5);
    expect(limitOf(five)).toEqual(Array(5).fill(undefined));
    const six = await stack.gql('{ __typename @a @b @c @d @e @f }');
    expect(six.status).toBe(400);
    expect(errorCodes(six)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(limitOf(six)).toEqual(['MAX_FIELD_DIRECTIVES']);
    const fifty = await stack.gql(`{ __typename ${'@skip(if: false) '.repeat(50)} }`);
    expect(limitOf(fifty)).toEqual(['MAX_FIELD_DIRECTIVES']);
  });

  it('allows 50 directives in an operation and refuses 51', async () => {
    const spreads = (n: number, more = '') =>
      `query D($yes: Boolean = true) {
        ${'... @include(if: $yes) @skip(if: false) { __typename } '.repeat(n)} ${more}
      }`;
    const fifty = await stack.gql(spreads(25));
    expect(fifty.errors).toBeUndefined();
    expect(fifty.data).toEqual({ __typename: 'Query' });
    // Through a fragment too: its directives count in the operation that spreads it.
    const fiftyOne = await stack.gql(
      `${spreads(25, '...F')} fragment F on Query { __typename @skip(if: false) }`,
    );
    expect(fiftyOne.status).toBe(400);
    expect(errorCodes(fiftyOne)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(limitOf(fiftyOne)).toEqual(['MAX_QUERY_DIRECTIVES']);
  });

  it('refuses fragment cycles as a validation error (the limits do not loop on them)', async () => {
    const res = await stack.gql(
      `query { ...A } fragment A on Query { __typename @skip(if: false) ...B }
       fragment B on Query { ...A }`,
    );
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toContain('GRAPHQL_VALIDATION_FAILED');
  });
});
