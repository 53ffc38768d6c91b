// Authorization coverage: every field of every object type of the composed supergraph has an
// @access rule in each subgraph that resolves it, so a new field cannot ship unguarded; and the
// mechanism fails closed at run time for a field that has none.
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  ACCESS_RULES,
  applyAccessRules,
  declaredAccessRule,
  fieldsWithoutAccessRule,
  loadTypeDefs,
  ownerOf,
  type AccessPolicy,
  type Viewer,
} from '@grahvani/shared';
import { createRequire } from 'node:module';
import type * as esmGraphql from 'graphql';
import {
  Kind,
  parse,
  print,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS, subgraphSchemaDir, type SubgraphName } from '../gateway/src/compose.ts';

// The graphql build that @apollo/subgraph uses (CommonJS): vitest hands the test file the ESM
// build, whose classes are another realm for instanceof checks and execution.
const graphql = createRequire(import.meta.url)('graphql') as typeof esmGraphql;

const typeDefs = Object.fromEntries(
  SUBGRAPHS.map((name) => [name, loadTypeDefs(subgraphSchemaDir(name))]),
) as Record<SubgraphName, DocumentNode>;

const argument = (directive: ConstDirectiveNode, name: string) => {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.ENUM || value?.kind === Kind.STRING ? value.value : undefined;
};
const isTrue = (directive: ConstDirectiveNode, name: string) => {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.BOOLEAN && value.value;
};

/**
 * Composes the subgraphs and returns `subgraph: Type.field` for every field of every object
 * type of the supergraph that a subgraph resolves (per @join__type / @join__field, @external
 * excluded) without declaring an @access rule for it there.
 */
function unguardedSupergraphFields(defs: Record<SubgraphName, DocumentNode>): string[] {
  const composed = composeServices(
    SUBGRAPHS.map((name) => ({ name, url: `http://${name}.invalid`, typeDefs: defs[name] })),
  );
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const supergraph = parse(composed.supergraphSdl);
  const schemas = Object.fromEntries(
    SUBGRAPHS.map((name) => [name, buildSubgraphSchema({ typeDefs: defs[name] })]),
  ) as Record<SubgraphName, GraphQLSchema>;
  const graphNames = new Map<string, SubgraphName>();
  const missing: string[] = [];
  const objects = supergraph.definitions.filter((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION);
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') {
      continue;
    }
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = graph && argument(graph, 'name');
      if (name) graphNames.set(value.name.value, name as SubgraphName);
    }
  }
  expect(objects.length).toBeGreaterThan(10);
  for (const type of objects) {
    const typeGraphs = (type.directives ?? [])
      .filter((d) => d.name.value === 'join__type')
      .map((d) => argument(d, 'graph'));
    for (const field of type.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      const graphs = joins.length
        ? joins.filter((d) => !isTrue(d, 'external')).map((d) => argument(d, 'graph'))
        : typeGraphs;
      for (const graph of graphs) {
        const subgraph = graph && graphNames.get(graph);
        if (!subgraph) throw new Error(`unknown graph ${graph} of ${type.name.value}`);
        const coordinate = `${type.name.value}.${field.name.value}`;
        const object = schemas[subgraph].getType(type.name.value);
        const fieldConfig = graphql.isObjectType(object)
          ? object.toConfig().fields[field.name.value]
          : undefined;
        if (!fieldConfig || !declaredAccessRule(schemas[subgraph], fieldConfig, coordinate)) {
          missing.push(`${subgraph}: ${coordinate}`);
        }
      }
    }
  }
  return missing;
}

describe('authorization coverage', () => {
  it('finds an @access rule for every field of every object type in the supergraph', () => {
    expect(unguardedSupergraphFields(typeDefs)).toEqual([]);
  });

  it('notices a field added without a rule', () => {
    const leaky = {
      ...typeDefs,
      users: parse(
        `${print(typeDefs.users)}\nextend type User { secret: String }\nextend type Query { leak: String }`,
      ),
    };
    expect(unguardedSupergraphFields(leaky).sort()).toEqual([
      'users: Query.leak',
      'users: User.secret',
    ]);
  });

  it.each(SUBGRAPHS)('%s: every subgraph field has a rule (federation internals aside)', (name) => {
    const schema = buildSubgraphSchema({ typeDefs: typeDefs[name] });
    expect(fieldsWithoutAccessRule(schema)).toEqual([]);
    const rules = schema.getType('AccessRule');
    expect(graphql.isEnumType(rules) && rules.getValues().map((v) => v.name)).toEqual([
      ...ACCESS_RULES,
    ]);
  });
});

// A tiny subgraph, to show what the mechanism does with each case at run time.
const TOY = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  directive @access(rule: AccessRule!) on FIELD_DEFINITION
  enum AccessRule {
    ${ACCESS_RULES.join(' ')}
  }
  type Account @key(fields: "id") {
    id: ID! @access(rule: PUBLIC)
    secret: String @access(rule: SELF_OR_ADMIN)
    forgotten: String
  }
  type Query {
    account: Account @access(rule: PUBLIC)
    staffOnly: String @access(rule: STAFF)
  }
`);
interface ToyContext {
  viewer: Viewer | null;
}
const toyPolicy: AccessPolicy<ToyContext> = {
  viewer: (ctx) => ctx.viewer,
  self: { Account: ownerOf<{ id: string }>((account) => account.id) },
};
const toyResolvers = {
  Query: {
    account: () => ({ id: 'a1', secret: 's3cret', forgotten: 'leaked' }),
    staffOnly: () => 'staff',
  },
};

async function runToy(viewer: Viewer | null, query: string) {
  const schema = applyAccessRules(
    buildSubgraphSchema({ typeDefs: TOY, resolvers: toyResolvers }),
    toyPolicy,
  );
  const result = await graphql.execute({
    schema,
    document: parse(query),
    contextValue: { viewer },
  });
  return { data: result.data, codes: (result.errors ?? []).map((e) => e.extensions.code) };
}

describe('the access mechanism', () => {
  it('refuses a field that declares no rule, whoever asks (fail closed)', async () => {
    const admin = await runToy({ userId: 'x', role: 'ADMIN' }, '{ account { id forgotten } }');
    expect(admin).toEqual({
      data: { account: { id: 'a1', forgotten: null } },
      codes: ['FORBIDDEN'],
    });
  });

  it('applies the declared rule: owner, ADMIN, stranger, no token', async () => {
    const query = '{ account { secret } }';
    expect((await runToy({ userId: 'a1', role: 'USER' }, query)).data).toEqual({
      account: { secret: 's3cret' },
    });
    expect((await runToy({ userId: 'x', role: 'ADMIN' }, query)).codes).toEqual([]);
    expect(await runToy({ userId: 'x', role: 'MODERATOR' }, query)).toEqual({
      data: { account: { secret: null } },
      codes: ['FORBIDDEN'],
    });
    expect((await runToy(null, query)).codes).toEqual(['UNAUTHENTICATED']);
    expect((await runToy({ userId: 'x', role: 'MODERATOR' }, '{ staffOnly }')).codes).toEqual([]);
    expect((await runToy({ userId: 'x', role: null }, '{ staffOnly }')).codes).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('guards entities reached through _entities like any other path', async () => {
    const res = await runToy(
      { userId: 'x', role: 'USER' },
      '{ _entities(representations: [{ __typename: "Account", id: "a1", secret: "s" }]) { ... on Account { id secret } } }',
    );
    expect(res).toEqual({
      data: { _entities: [{ id: 'a1', secret: null }] },
      codes: ['FORBIDDEN'],
    });
  });

  it('refuses to build when a SELF rule has no owner accessor for its type', () => {
    const schema = buildSubgraphSchema({ typeDefs: TOY, resolvers: toyResolvers });
    expect(() => applyAccessRules(schema, { viewer: () => null })).toThrow(/no owner of Account/);
  });
});
