// `npm run build`: each service as one JavaScript file (<package>/dist/index.js),
// bundled by esbuild, so that production runs `node <package>/dist/index.js` without a
// TypeScript loader: it starts faster and holds less memory (figures in BENCHMARKS.md,
// "Compiled JavaScript instead of tsx"). Development and tests stay on tsx, which runs the
// sources as they are edited. The output (dist/ folders) is generated, never committed.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { BUILD_ENTRIES } from './lib/buildEntries.ts';
import { ROOT } from './lib/config.ts';

/** Our runtime workspaces are bundled (they are TypeScript); every other package stays external. */
const BUNDLED_PACKAGE = /^@grahvani\/shared(\/|$)/;
const NESTED = Symbol('resolving an external package');

/**
 * Other packages stay external, imported by name, as long as the bundle's folder resolves the name
 * to the same file as the importing source does. When it would not (a workspace's own
 * node_modules holds another version than the root's: lru-cache 11 for packages/shared, an older
 * one hoisted), the import names that file by its path relative to the bundle; npm ci lays
 * node_modules out from the lock file, so the path is the same in every install of it.
 */
function externalPackages(outDir: string): Plugin {
  return {
    name: 'external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (BUNDLED_PACKAGE.test(args.path) || args.pluginData === NESTED) return undefined;
        const options = { kind: args.kind, pluginData: NESTED };
        const fromSource = await b.resolve(args.path, { ...options, resolveDir: args.resolveDir });
        if (fromSource.errors.length) return { errors: fromSource.errors };
        const fromBundle = await b.resolve(args.path, { ...options, resolveDir: outDir });
        if (fromSource.external || fromBundle.path === fromSource.path) {
          return { path: args.path, external: true };
        }
        const rel = path.relative(outDir, fromSource.path).split(path.sep).join('/');
        return { path: rel.startsWith('.') ? rel : `./${rel}`, external: true };
      });
    },
  };
}

/**
 * Modules find their files next to their source (`new URL('./schema', import.meta.url)`: SDL,
 * the supergraph, the contract, data files). In a bundle import.meta.url is the bundle's, so
 * each module's import.meta.url/dirname is rewritten to its source file's location relative to
 * the bundle: the files are read where they are in the repository, nothing is copied.
 */
function sourceLocations(outFile: string): Plugin {
  const outDir = path.dirname(outFile);
  return {
    name: 'source-locations',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const rel = path.relative(outDir, args.path).split(path.sep).join('/');
        const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
        const dir = `${JSON.stringify(path.posix.dirname(rel))}`;
        const contents = text
          .replace(/\bimport\.meta\.url\b/g, url)
          .replace(/\bimport\.meta\.dirname\b/g, `(import.meta.dirname + '/' + ${dir})`);
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Builds every entry; returns the output files (absolute paths). Each file is written beside
 * its place and renamed into it, so that a service starting meanwhile (another `npm start` in
 * production mode, a test) reads either the previous bundle or the new one, never half of one.
 */
export async function buildAll(root = ROOT): Promise<string[]> {
  const outputs: string[] = [];
  for (const [entry, out] of Object.entries(BUILD_ENTRIES)) {
    const outfile = path.join(root, out);
    // The folder must exist: external packages are resolved from it (externalPackages).
    await mkdir(path.dirname(outfile), { recursive: true });
    const result = await build({
      entryPoints: [path.join(root, entry)],
      outfile,
      write: false,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Node's conditions only (esbuild adds `module` by default, which Node never picks).
      conditions: [],
      // Not minified: stack traces keep the functions' names. No `keepNames` either: it wraps
      // every function created (closures per request included) in a defineProperty call.
      sourcemap: true,
      logLevel: 'warning',
      plugins: [externalPackages(path.dirname(outfile)), sourceLocations(outfile)],
    });
    for (const file of result.outputFiles) {
      const temporary = `${file.path}.${process.pid}.tmp`;
      await writeFile(temporary, file.contents);
      await rename(temporary, file.path);
    }
    outputs.push(outfile);
  }
  return outputs;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'scripts/build.ts')) {
  const started = performance.now();
  const outputs = await buildAll();
  const ms = Math.round(performance.now() - started);
  console.log(`built ${outputs.map((o) => path.relative(ROOT, o)).join(', ')} in ${ms} ms`);
}
