import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  type GraphQLFieldConfig,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import {
  assertAccess,
  isAccessRule,
  SELF_RULES,
  TENANT_RULES,
  type AccessRule,
  type Viewer,
} from './access.ts';
import { forbidden } from './errors.ts';

/** Reads the account (auth user id) that owns an object of one type. */
export type OwnerOf = (parent: unknown) => string | null | undefined;

/** An owner accessor typed by the type's model; the transform hands it the parent object. */
export function ownerOf<T>(read: (parent: T) => string | null | undefined): OwnerOf {
  return read as OwnerOf;
}

/** How one subgraph tells the access transform who is asking and who owns what. */
export interface AccessPolicy<TContext> {
  /** The viewer of a request (called when a non-PUBLIC field is read; may load, e.g. the role). */
  viewer(ctx: TContext): Viewer | null | Promise<Viewer | null>;
  /** Per type: the account an object *is* (or is the profile of), for SELF* rules. */
  self?: Record<string, OwnerOf>;
  /** Per type: the tenant (owning astrologer's account) of an object, for TENANT. */
  tenant?: Record<string, OwnerOf>;
}

/** The name of the directive every field declares its rule with. */
export const ACCESS_DIRECTIVE = 'access';

/**
 * Fields that federation adds to every subgraph and that carry no data of their own:
 * `_entities` only dispatches to reference resolvers (the fields of the entities it returns
 * are guarded like any other), `_service.sdl` is the SDL the gateway composes from.
 */
export const FEDERATION_FIELDS: ReadonlySet<string> = new Set([
  'Query._entities',
  'Query._service',
  '_Service.sdl',
]);

type FieldConfig = GraphQLFieldConfig<unknown, unknown>;

/** The rule `field` declares with @access, undefined when none; throws on an unknown rule. */
export function declaredAccessRule(
  schema: GraphQLSchema,
  field: FieldConfig,
  coordinate: string,
): AccessRule | undefined {
  const directives = getDirective(schema, field, ACCESS_DIRECTIVE);
  if (!directives?.length) return undefined;
  if (directives.length > 1) throw new Error(`${coordinate} declares more than one @access`);
  const rule: unknown = directives[0]?.rule;
  if (!isAccessRule(rule))
    throw new Error(`${coordinate} declares an unknown rule ${String(rule)}`);
  return rule;
}

function ownerAccessor<TContext>(
  policy: AccessPolicy<TContext>,
  rule: AccessRule,
  typeName: string,
  coordinate: string,
): OwnerOf | undefined {
  if (!SELF_RULES.has(rule) && !TENANT_RULES.has(rule)) return undefined;
  const owner = (SELF_RULES.has(rule) ? policy.self : policy.tenant)?.[typeName];
  if (!owner) {
    throw new Error(
      `${coordinate} uses ${rule}, but the access policy has no owner of ${typeName}`,
    );
  }
  return owner;
}

/** An `@external` field is resolved by another subgraph: it needs no rule here. */
const isExternal = (field: FieldConfig) =>
  field.astNode?.directives?.some((d) => d.name.value === 'external') ?? false;

/**
 * The schema with every field's resolver guarded by the rule its SDL declares (`@access`).
 * A field with no rule fails closed: it answers FORBIDDEN. A SELF/TENANT rule on a type that
 * the policy gives no owner accessor, or an unknown rule, stops the service at start.
 */
export function applyAccessRules<TContext>(
  schema: GraphQLSchema,
  policy: AccessPolicy<TContext>,
): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field: FieldConfig, fieldName, typeName) => {
      const coordinate = `${typeName}.${fieldName}`;
      if (FEDERATION_FIELDS.has(coordinate) || typeName.startsWith('__')) return field;
      const rule = declaredAccessRule(schema, field, coordinate);
      if (!rule) {
        return {
          ...field,
          resolve: () => {
            throw forbidden(`${coordinate} declares no access rule`);
          },
        };
      }
      if (rule === 'PUBLIC') return field;
      const owner = ownerAccessor(policy, rule, typeName, coordinate);
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const guarded: GraphQLFieldResolver<unknown, TContext> = (parent, args, ctx, info) => {
        const proceed = (viewer: Viewer | null) => {
          assertAccess(rule, viewer, () => owner?.(parent));
          return resolve(parent, args, ctx, info);
        };
        const viewer = policy.viewer(ctx);
        return viewer instanceof Promise ? viewer.then(proceed) : proceed(viewer);
      };
      return { ...field, resolve: guarded as GraphQLFieldResolver<unknown, unknown> };
    },
  });
}

/** `Type.field` of every object field that declares no rule (internals and @external excepted). */
export function fieldsWithoutAccessRule(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field: FieldConfig, fieldName, typeName) => {
      const coordinate = `${typeName}.${fieldName}`;
      if (FEDERATION_FIELDS.has(coordinate) || typeName.startsWith('__')) return field;
      if (isExternal(field)) return field;
      if (!declaredAccessRule(schema, field, coordinate)) missing.push(coordinate);
      return field;
    },
  });
  return missing;
}
