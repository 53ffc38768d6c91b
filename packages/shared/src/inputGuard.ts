import { defaultFieldResolver } from 'graphql';
import type {
  GraphQLArgument,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
} from 'graphql';
import { badInput } from './errors.ts';
import { textProblem } from './text.ts';

/**
 * Earliest and latest instant a Date or DateTime argument may hold. PostgreSQL's `date` and
 * `timestamp` columns store far more (4713 BC onwards) but year 0000, which JavaScript and the
 * RFC 3339 scalars accept, is no PostgreSQL year at all; and nothing this product records (a
 * birth date, a consultation) lies outside these two centuries either way: an earlier or later
 * value is a typo (e.g. 0199 for 1999) that should be refused, not stored.
 */
export const DATE_BOUNDS = {
  min: new Date('1800-01-01T00:00:00.000Z'),
  max: new Date('2200-12-31T23:59:59.999Z'),
} as const;

// Types are told apart by their Symbol.toStringTag, not graphql's instanceof predicates:
// @apollo/subgraph builds the schema with graphql's CommonJS build while this module loads the
// ESM one, and the predicates refuse objects of the other build.
const kind = (type: unknown) => Object.prototype.toString.call(type).slice(8, -1);
const isNonNull = (t: GraphQLInputType): t is GraphQLNonNull<GraphQLInputType> =>
  kind(t) === 'GraphQLNonNull';
const isList = (t: GraphQLInputType): t is GraphQLList<GraphQLInputType> =>
  kind(t) === 'GraphQLList';
const isInputObject = (t: GraphQLInputType): t is GraphQLInputObjectType =>
  kind(t) === 'GraphQLInputObjectType';
const isObject = (t: unknown): t is GraphQLObjectType => kind(t) === 'GraphQLObjectType';

/** `a.b` for a field or index below a path ('' at an `input` argument's top). */
const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** Deepest JSON value accepted in a JSON argument (deeper ones overflow stacks downstream). */
export const MAX_JSON_DEPTH = 32;

/** Whether a JSON-like value nests objects and arrays more than `max` levels deep. */
export function nestedDeeperThan(root: unknown, max: number): boolean {
  // Iterative on purpose: a hostile value may be nested far deeper than the call stack allows.
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/** Why a JSON value (argument of a JSON scalar) cannot be stored, with the path of the culprit. */
function jsonProblem(root: unknown, rootPath: string): { path: string; message: string } | null {
  // Iterative on purpose: a hostile value may be nested far deeper than the call stack allows.
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: rootPath, depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { path, message: `${path} ${problem}` };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      return {
        path: rootPath,
        message: `${rootPath} must be nested at most ${MAX_JSON_DEPTH} levels deep`,
      };
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = join(path, key);
      const problem = textProblem(key);
      if (problem) return { path, message: `a key in ${path} ${problem}` };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

/** Whether a date lies within {@link DATE_BOUNDS} (CSV rows use it too). */
export function isStorableDate(value: Date): boolean {
  const time = value.getTime();
  return (
    !Number.isNaN(time) && time >= DATE_BOUNDS.min.getTime() && time <= DATE_BOUNDS.max.getTime()
  );
}

/** Why a date outside {@link DATE_BOUNDS} is refused (CSV rows report it as is). */
export const dateBoundsMessage = (field: string) =>
  `${field} must be between 1800-01-01 and 2200-12-31`;

/** The refusal of a date outside {@link DATE_BOUNDS}, naming the field. */
export const dateOutOfBounds = (field: string) => badInput(dateBoundsMessage(field), field);

/** Throws BAD_USER_INPUT (extensions.field = the input path) for a value we must not store. */
function checkValue(type: GraphQLInputType, value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  if (isNonNull(type)) return checkValue(type.ofType, value, path);
  if (isList(type)) {
    if (!Array.isArray(value)) return checkValue(type.ofType, value, path);
    value.forEach((item, i) => checkValue(type.ofType, item, join(path, i)));
    return;
  }
  if (isInputObject(type)) {
    const record = value as Record<string, unknown>;
    for (const field of Object.values(type.getFields())) {
      checkValue(field.type, record[field.name], join(path, field.name));
    }
    return;
  }
  if (kind(type) !== 'GraphQLScalarType') return; // enums are already one of their values
  // Scalars are checked by what their parsers made of the input, so every scalar is covered,
  // graphql-scalars' and our own alike: text, dates, and any JSON-like value.
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) throw badInput(`${path} ${problem}`, path);
  } else if (value instanceof Date) {
    if (!isStorableDate(value)) throw dateOutOfBounds(path);
  } else if (typeof value === 'object' && !(value instanceof URL)) {
    const problem = jsonProblem(value, path);
    if (problem) throw badInput(problem.message, problem.path);
  }
}

/**
 * Checks every argument. The path named in `extensions.field` is the one resolvers use: an
 * `input` object's fields by their own path (`birthDate`, `chartData.houses.0.sign`), any other
 * argument by its name first (`search`, `settings.theme`).
 */
function checkArguments(args: readonly GraphQLArgument[], values: Record<string, unknown>) {
  for (const arg of args) {
    const type = isNonNull(arg.type) ? arg.type.ofType : arg.type;
    const top = arg.name === 'input' && isInputObject(type) ? '' : arg.name;
    checkValue(arg.type, values[arg.name], top);
  }
}

export interface GuardOptions {
  /**
   * Arguments (`Type.field.argument`) whose resolver applies these checks itself, to parts of
   * the value: e.g. a CSV text whose rows are refused one by one rather than as a whole.
   */
  exempt?: readonly string[];
}

/**
 * The one input validation layer of a subgraph: wraps every field that takes arguments (the
 * federation `_entities` field included) so that, before its resolver runs, every argument
 * value, however deep, is refused with BAD_USER_INPUT when PostgreSQL could not store it or
 * the domain cannot mean it:
 * - text (String, ID and every string-valued scalar, JSON keys and strings) containing NUL
 *   (U+0000) or an unpaired UTF-16 surrogate;
 * - Date and DateTime values outside {@link DATE_BOUNDS};
 * - JSON values nested deeper than {@link MAX_JSON_DEPTH}.
 * It checks the values after coercion, so variables and inline literals are treated alike.
 * Resolvers keep their own, field-specific rules (lengths, formats, dates in the past...).
 */
export function guardInputs(
  schema: GraphQLSchema,
  { exempt = [] }: GuardOptions = {},
): GraphQLSchema {
  const skipped = new Set(exempt);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObject(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const args = field.args.filter((arg) => !skipped.has(`${coordinate}.${arg.name}`));
      if (args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, values, context, info) => {
        checkArguments(args, values);
        return resolve(source, values, context, info);
      };
    }
  }
  return schema;
}
