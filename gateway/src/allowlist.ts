import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { AllowlistSource } from './config.ts';
import { loadOperationManifest } from './operationManifest.ts';
import { normalForm } from './operationNormalForm.ts';
import { operationDocument, persistedOperations } from './persistedOperations.ts';

/** Error code of an operation outside the allowlist (as Apollo's router names it). */
export const NOT_IN_LIST = 'PERSISTED_QUERY_NOT_IN_LIST';

/** The frontends' operations: one document per operation, and the hashes they may be sent by. */
export interface Allowlist {
  documents: DocumentNode[];
  /** Document text by SHA-256 hash (see persistedOperations). */
  persisted: Map<string, string>;
}

/**
 * The allowlist of OPERATION_ALLOWLIST: the contract's files, or a persisted-operation
 * manifest. Either way each operation is also known by the hashes Apollo Client's
 * persisted-queries link sends (see persistedOperations); a manifest adds its own hashes.
 */
export function loadAllowlist(source: AllowlistSource): Allowlist {
  if (source.kind === 'contract') return loadContract(source.dir);
  const manifest = loadOperationManifest(source.file);
  const persisted = persistedOperations(manifest.documents);
  for (const [hash, text] of manifest.persisted) persisted.set(hash, text);
  return { documents: manifest.documents, persisted };
}

/** Reads `contract/*.graphql`: each operation with the fragments of its file that it uses. */
function loadContract(dir: string): Allowlist {
  const documents: DocumentNode[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()) {
    const { definitions } = parse(readFileSync(path.join(dir, file), 'utf8'));
    const fragments = definitions.filter(
      (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
    );
    for (const definition of definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) {
        documents.push(operationDocument(definition as OperationDefinitionNode, fragments));
      }
    }
  }
  return { documents, persisted: persistedOperations(documents) };
}

/**
 * Refuses every operation whose normal form (see operationNormalForm) is not one of the
 * contract's, introspection included, before the gateway plans it. Written by hand: Apollo's
 * safelisting lives in GraphOS and the router, not in @apollo/server, and this is a set lookup.
 */
export function allowlistPlugin<TContext extends BaseContext>(
  allowlist: Allowlist,
): ApolloServerPlugin<TContext> {
  // Normal forms depend on the schema (which fragments dissolve): computed once per schema.
  const allowedBySchema = new WeakMap<GraphQLSchema, Set<string>>();
  const allowed = (schema: GraphQLSchema) => {
    let set = allowedBySchema.get(schema);
    if (!set) {
      set = new Set();
      for (const document of allowlist.documents) {
        const form = normalForm(document, schema);
        if (form) set.add(form);
      }
      allowedBySchema.set(schema, set);
    }
    return set;
  };
  // Apollo Server reuses the parsed document of a repeated query: judge each one once.
  const verdicts = new WeakMap<DocumentNode, { schema: GraphQLSchema; ok: boolean }>();
  const isAllowed = (document: DocumentNode, schema: GraphQLSchema) => {
    const known = verdicts.get(document);
    if (known?.schema === schema) return known.ok;
    const form = normalForm(document, schema);
    const ok = form !== null && allowed(schema).has(form);
    verdicts.set(document, { schema, ok });
    return ok;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema }) {
          if (!isAllowed(document, schema)) {
            throw new GraphQLError('This operation is not in the allowlist of this graph', {
              extensions: { code: NOT_IN_LIST, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * Apollo Server's persisted-query cache when the allowlist is on: the contract's documents by
 * hash, read-only, so a client can send a contract operation by its hash alone and nobody can
 * register others (an unknown hash is PERSISTED_QUERY_NOT_FOUND; the client then sends the
 * text, which the allowlist judges like any other).
 */
export function contractPersistedQueries(allowlist: Allowlist) {
  return {
    // Apollo Server prefixes its keys ("apq:<hash>"); the hash is what follows the last colon.
    async get(key: string) {
      return allowlist.persisted.get(key.slice(key.lastIndexOf(':') + 1));
    },
    async set() {},
    async delete() {},
  };
}
