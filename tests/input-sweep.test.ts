// The hostile-input sweep: for every operation of contract/*.graphql that takes variables,
// property-based cases (fast-check) derive hostile variants of each variable from its type in
// the gateway's API schema and send them through the real gateway as a signed-in ADMIN with
// real data. Whatever the input, the answer is a clear GraphQL error or data: never HTTP 5xx,
// never INTERNAL_SERVER_ERROR, never a message naming source files, ORM calls, SQL or internal
// addresses. `npm test` runs a fixed seed and few cases; `npm run fuzz` runs many with a random
// seed (FUZZ_SEED, FUZZ_RUNS) and prints the seed to replay a failure.
import fc from 'fast-check';
import {
  Kind,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSweepData, type SweepData } from './fixtures/sweep.ts';
import { contractOperations, gatewayApiSchema } from './helpers/contract.ts';
import type { GraphQLResponse } from './helpers/graphql.ts';
import { valuesOf } from './helpers/hostile.ts';
import { inlineVariables } from './helpers/inline.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SWEEP_IP = '198.51.100.9';

/** What a response must never show a client. */
const LEAKS: [string, RegExp][] = [
  ['a source file', /\.(ts|js|mjs|cjs)\b(?!\w)|node_modules|\/work\//],
  ['the ORM', /prisma|invocation/i],
  ['SQL', /\bSQL\b|\b(SELECT|INSERT INTO|DELETE FROM|UPDATE \S+ SET)\b|syntax error at|violates /],
  ['an internal address', /\b(127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0):\d+/],
];

/** Every string the request carried: error messages may echo them, which is no leak. */
function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (value && typeof value === 'object' && into.length < 10_000) {
    for (const child of Object.values(value)) stringsIn(child, into);
  }
  return into;
}

/** Why this answer is a defect, or null. */
function defect(res: GraphQLResponse, variables: Record<string, unknown>): string | null {
  if (res.status >= 500) return `HTTP ${res.status}`;
  if ((res.errors ?? []).some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
    return 'INTERNAL_SERVER_ERROR';
  }
  let text = JSON.stringify(res.errors ?? []);
  for (const echoed of stringsIn(variables).filter((s) => s.length > 2)) {
    text = text.split(JSON.stringify(echoed).slice(1, -1)).join('');
  }
  const leak = LEAKS.find(([, pattern]) => pattern.test(text));
  return leak ? `an error names ${leak[0]}` : null;
}

const short = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} chars)` : text;
};

const schema = gatewayApiSchema();
const operations = ['auth.graphql', 'users.graphql', 'clients.graphql']
  .flatMap((file) => contractOperations(file))
  .map((op) => ({
    ...op,
    definition: parse(op.document).definitions[0] as OperationDefinitionNode,
  }))
  .filter((op) => op.definition.kind === Kind.OPERATION_DEFINITION)
  .filter((op) => (op.definition.variableDefinitions ?? []).length > 0);

describe(`hostile input sweep (FUZZ_SEED=${SEED}, ${RUNS} cases per operation)`, () => {
  let stack: Stack;
  let data: SweepData;
  const outcomes = { answered: 0, refused: 0 };

  beforeAll(async () => {
    stack = await startStack();
    data = await createSweepData(stack);
  }, 120_000);
  afterAll(() => stack?.close());

  it('covers every contract operation that takes variables', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  operations.forEach((op, index) => {
    it(
      `${op.name} answers every hostile variant cleanly`,
      async () => {
        const variables = fc.record(
          Object.fromEntries(
            (op.definition.variableDefinitions ?? []).map((def) => {
              const type = typeFromAST(schema, def.type) as GraphQLInputType;
              const name = def.variable.name.value;
              return [name, valuesOf(type, `${op.name}.${name}`, data)];
            }),
          ),
        );
        const seed = SEED + index;
        await fc.assert(
          // One case in four writes the values into the query as literals instead.
          fc.asyncProperty(variables, fc.nat(3), async (vars, mode) => {
            // Its own client address (a documentation range), so the sweep's failed sign-ins
            // count against it rather than against loopback, which the other tests share.
            const as = { token: data.viewer.accessToken, headers: { 'x-forwarded-for': SWEEP_IP } };
            const res =
              mode === 0
                ? await stack.gql(inlineVariables(schema, op.document, vars), {}, as)
                : await stack.gql(op.document, vars, as);
            outcomes[res.errors ? 'refused' : 'answered']++;
            const problem = defect(res, vars);
            if (problem) {
              throw new Error(
                `${op.name}: ${problem}${mode === 0 ? ' (values inline)' : ''}\n  variables: ${short(vars)}\n  answer: ${res.status} ${short(res.errors)}`,
              );
            }
          }),
          {
            seed,
            numRuns: RUNS,
            reporter: (details) => {
              if (details.failed) {
                // fast-check's own report would print megabytes of hostile values.
                const cause = details.errorInstance;
                throw new Error(
                  [
                    cause instanceof Error ? cause.message : String(cause),
                    `counterexample: ${short(details.counterexample)} (seed ${details.seed}, path ${details.counterexamplePath})`,
                    `replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npm run fuzz -- -t '${op.name} '`,
                  ].join('\n'),
                );
              }
            },
          },
        );
      },
      Math.max(30_000, RUNS * 5_000),
    );
  });

  it('reached the resolvers: a fair share of cases answered without errors', () => {
    // Only cases that get past validation, authentication and lookups test the data layer.
    const total = outcomes.answered + outcomes.refused;
    expect(total).toBeGreaterThan(0);
    expect(outcomes.answered / total).toBeGreaterThan(0.15);
  });

  it('stayed signed in throughout (the cases ran as the viewer)', async () => {
    const res = await stack.gql('{ me { id } }', {}, { token: data.viewer.accessToken });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ me: { id: data.viewer.id } });
  });
});
