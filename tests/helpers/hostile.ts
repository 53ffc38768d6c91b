// Hostile values for the input sweep (tests/input-sweep.test.ts), derived from GraphQL input
// types: mostly valid values (so resolvers run against real data) with hostile ones mixed in at
// every level: empty, huge, control characters, NUL, lone surrogates, boundary numbers,
// impossible and out-of-range dates, deep and huge JSON, wrong types and nulls.
import fc from 'fast-check';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
  type GraphQLNamedInputType,
} from 'graphql';

/** Real ids (and valid examples) the sweep may use, chosen by argument or field path. */
export interface Samples {
  /** Real ids for an ID at this path (e.g. "UpdateClient.id", "input.clientId"), if any. */
  idsFor(path: string): readonly string[];
  /** A valid value for a field of this name, if the field name says what it holds. */
  exampleFor(name: string): unknown;
}

const deep = (depth: number, leaf: unknown = 'x'): unknown => {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
const wide = (keys: number) =>
  Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]));

const HOSTILE_TEXT: unknown[] = [
  '',
  ' ',
  'x'.repeat(10_000),
  'x'.repeat(1_500_000), // above the subgraphs' 1 MB body limit, below the gateway's 6 MB
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDC00y',
  '\u0001\u0007\u001b[31m\u007f\u0085',
  '\r\n\t',
  '\u202E\u200B\uFEFF',
  '👍🏽 नमस्ते',
  "' OR 1=1 --",
  '%_\\',
  '../../etc/passwd',
  '{"a":1}',
];
const WRONG_TYPES: unknown[] = [42, -1.5, true, {}, [], [1, 2], { a: 'b' }];
const HOSTILE_INT: unknown[] = [
  0,
  -1,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 31,
  -(2 ** 31) - 1,
  1.5,
  1e21,
  '12',
  'NaN',
];
const HOSTILE_FLOAT: unknown[] = [
  0,
  -0,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 1,
  -91,
  181,
  'NaN',
  'Infinity',
  '1.5',
];
const HOSTILE_DATE: unknown[] = [
  '0000-01-01',
  '1999-13-45',
  '2023-02-29',
  '2024-02-29',
  '1799-12-31',
  '2201-01-01',
  '9999-12-31',
  '10000-01-01',
  '-000001-01-01',
  '+275760-09-13',
  '1990-04-12T00:00:00Z',
  'today',
  0,
  1e15,
];
const HOSTILE_DATETIME: unknown[] = [
  '0000-01-01T00:00:00Z',
  '1999-13-45T00:00:00Z',
  '2026-11-20T25:61:00Z',
  '9999-12-31T23:59:59Z',
  '1799-12-31T23:59:59Z',
  '2026-11-20',
  '2026-11-20T10:00:00+14:00',
  '1970-01-01T00:00:00.000000001Z',
  '+275760-09-13T00:00:00Z',
  -1,
];
const HOSTILE_JSON: unknown[] = [
  deep(40),
  deep(1_000), // (deeper values cannot be sent with JSON.stringify: input-guard.test.ts)
  deep(70), // beyond the gateway's backstop (64)
  wide(20_000),
  { 'a\u0000': 1 },
  { a: 'b\u0000' },
  { a: [{ b: ['\uD800'] }] },
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}'),
  { big: 1e308, small: -1e308, tiny: 5e-324 },
  'not an object',
  [1, 2, 3],
  12,
];

/** Valid values of the scalars (and a fallback for any other), when the field name says nothing. */
const VALID_SCALAR: Record<string, unknown> = {
  String: 'fuzz',
  ID: '00000000-0000-4000-8000-000000000000',
  Int: 5,
  Float: 1.5,
  Boolean: true,
  Date: '1990-04-12',
  DateTime: '2026-01-02T03:04:05Z',
  JSONObject: { theme: 'dark' },
  URL: 'https://example.com/a.png',
  EmailAddress: 'fuzz@example.com',
  Decimal: '1500.00',
};

function hostileScalar(name: string): fc.Arbitrary<unknown> {
  const specific: Record<string, unknown[]> = {
    Int: HOSTILE_INT,
    Float: HOSTILE_FLOAT,
    Boolean: ['true', 0, 1],
    Date: HOSTILE_DATE,
    DateTime: HOSTILE_DATETIME,
    JSONObject: HOSTILE_JSON,
  };
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(specific[name] ?? HOSTILE_TEXT)) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXT, ...WRONG_TYPES) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  );
}

function validNamed(type: GraphQLNamedInputType, path: string, samples: Samples): unknown {
  const name = path.split('.').pop() ?? '';
  const example = samples.exampleFor(name);
  if (example !== undefined) return example;
  if (isEnumType(type)) return type.getValues()[0]?.value;
  return VALID_SCALAR[type.name] ?? 'fuzz';
}

/**
 * Values for one variable or input field of `type` at `path` ("Operation.variable" then
 * ".field" per level): mostly valid, now and then hostile, at every depth.
 */
export function valuesOf(
  type: GraphQLInputType,
  path: string,
  samples: Samples,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 20, arbitrary: valuesOf(type.ofType, path, samples) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }
  if (isListType(type)) {
    const item = valuesOf(type.ofType, path, samples);
    return fc.oneof(
      { weight: 6, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 1, arbitrary: item }, // a single value where a list is expected
      {
        weight: 1,
        arbitrary: fc.constantFrom(Array.from({ length: 10_000 }, (_, i) => `t${i % 50}`)),
      },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record = fc.record(
      Object.fromEntries(
        fields.map((f) => [f.name, valuesOf(f.type, `${path}.${f.name}`, samples)]),
      ),
      { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) },
    );
    return fc.oneof(
      { weight: 12, arbitrary: record },
      { weight: 1, arbitrary: record.map((r) => ({ ...r, unknownField: 'x' })) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>({}, 'not an object', [], 7) },
    );
  }
  const ids = type.name === 'ID' ? samples.idsFor(path) : [];
  const valid =
    ids.length > 0 ? fc.constantFrom(...ids) : fc.constant(validNamed(type, path, samples));
  const hostile = isEnumType(type)
    ? fc.constantFrom<unknown>('NOT_A_VALUE', type.getValues()[0]?.name.toLowerCase(), '', 3)
    : hostileScalar(type.name);
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostile });
}
