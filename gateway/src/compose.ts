import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { defaultSubgraphUrl, loadTypeDefs } from '@grahvani/shared';

export const SUBGRAPHS = ['auth', 'users', 'clients'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

/** Where the supergraph says each subgraph lives when nothing overrides it. */
export const DEFAULT_SUBGRAPH_URLS: Record<SubgraphName, string> = {
  auth: defaultSubgraphUrl('auth'),
  users: defaultSubgraphUrl('users'),
  clients: defaultSubgraphUrl('clients'),
};

/** The committed supergraph the gateway boots from. */
export const SUPERGRAPH_PATH = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

export function subgraphSchemaDir(name: SubgraphName): string {
  return fileURLToPath(new URL(`../../subgraphs/${name}/src/schema`, import.meta.url));
}

/**
 * Composes the supergraph from the subgraphs' SDL files with @apollo/composition; throws
 * with every composition error when they do not compose.
 */
export function composeSupergraph(urls: Record<SubgraphName, string> = DEFAULT_SUBGRAPH_URLS) {
  const result = composeServices(
    SUBGRAPHS.map((name) => ({
      name,
      url: urls[name],
      typeDefs: loadTypeDefs(subgraphSchemaDir(name)),
    })),
  );
  if (result.errors) {
    throw new Error(
      `Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`,
    );
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((h) => h.toString()) };
}
