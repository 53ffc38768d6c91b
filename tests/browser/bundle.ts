// Bundles the test web app (Apollo Client from npm, the contract as text) with esbuild: the
// browser loads it from the test's own server, never from a CDN.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The web app as one browser script (IIFE). */
export async function bundleWebApp(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./webApp.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    loader: { '.graphql': 'text' },
    define: { 'process.env.NODE_ENV': '"production"', 'globalThis.__DEV__': 'false' },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
