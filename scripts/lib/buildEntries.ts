/**
 * What `npm run build` bundles (scripts/build.ts): each service's source entry point → the
 * JavaScript file production runs, relative to the repository root. Its own module so that
 * `npm start` and the deployment tests read it without loading esbuild.
 */
export const BUILD_ENTRIES: Readonly<Record<string, string>> = {
  'gateway/src/index.ts': 'gateway/dist/index.js',
  'subgraphs/auth/src/index.ts': 'subgraphs/auth/dist/index.js',
  'subgraphs/users/src/index.ts': 'subgraphs/users/dist/index.js',
  'subgraphs/clients/src/index.ts': 'subgraphs/clients/dist/index.js',
};

/** The built file of a service's source entry point (throws for one that is not built). */
export function builtEntry(source: string): string {
  const built = BUILD_ENTRIES[source];
  if (!built) throw new Error(`${source} is not built by npm run build`);
  return built;
}
