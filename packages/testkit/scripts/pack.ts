// Packs the integration-test kit as a tarball that works outside this repository: the kit
// and the services it starts (gateway, subgraphs, shared code, generated Prisma clients) are
// bundled into one ES module by esbuild; npm packages stay external and become the package's
// dependencies, at the exact versions installed here. Files the services read next to their
// source (SDL, migrations, contract, data) are copied under `root/` in the same layout, and
// each bundled module's `import.meta.url` is pointed at its place in that layout.
//
//   npm run testkit:pack [-- --out <dir>]   → <dir>/grahvani-testkit-<version>.tgz
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { integrationTestsSection } from './readmeSection.ts';

const run = promisify(execFile);
const KIT = fileURLToPath(new URL('..', import.meta.url));
const REPO = path.resolve(KIT, '../..');

/**
 * Copied into `root/` as they are, without TypeScript sources (bundled): everything the
 * services read from disk at run time (SDL, data, the supergraph, the contract, the GraphiQL
 * page script, migrations).
 */
const ASSETS = [
  'packages/shared/src',
  'packages/operations/src',
  'subgraphs/auth/src',
  'subgraphs/users/src',
  'subgraphs/clients/src',
  'gateway/src',
  'gateway/public',
  'gateway/supergraph.graphql',
  'contract',
  'prisma/auth/migrations',
  'prisma/users/migrations',
  'prisma/clients/migrations',
];
const assetFilter = (source: string) => !source.endsWith('.ts');

/** Bare imports that are not ours (`@grahvani/*` is bundled) stay imports of npm packages. */
const externalPackages = (used: Set<string>): Plugin => ({
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@grahvani/') || args.path.startsWith('node:')) return undefined;
      const parts = args.path.split('/');
      const name = args.path.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
      if (!builtinModules.includes(name)) used.add(name);
      return { path: args.path, external: true };
    });
  },
});

/** `import.meta.url` (and dirname/filename) of each module as if it stood under `root/`. */
const relocateImportMeta: Plugin = {
  name: 'relocate-import-meta',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.')) return undefined;
      const rel = path.relative(REPO, args.path).split(path.sep).join('/');
      const url = `new URL(${JSON.stringify(`../root/${rel}`)}, import.meta.url).href`;
      const file = `process.getBuiltinModule('node:url').fileURLToPath(${url})`;
      const contents = source
        .replaceAll('import.meta.url', url)
        .replaceAll('import.meta.filename', file)
        .replaceAll(
          'import.meta.dirname',
          `process.getBuiltinModule('node:path').dirname(${file})`,
        );
      return { contents, loader: 'ts' };
    });
  },
};

async function versionOf(name: string): Promise<string> {
  const manifest = JSON.parse(
    await readFile(path.join(REPO, 'node_modules', name, 'package.json'), 'utf8'),
  ) as { version: string };
  return manifest.version;
}

/** Workspace packages whose types the public API shows (their sources are bundled too). */
const TYPED_WORKSPACE_PACKAGES: Record<string, string> = {
  '@grahvani/operations': 'packages/operations/src/index.ts',
};

/**
 * Declarations of the public API under `dist/types/`, in the repository's layout: the modules
 * `packages/testkit/src/index.d.ts` reaches. Imports of a workspace package become relative;
 * the npm packages they import (types only, so absent from the bundle) are added to `used`.
 */
async function declarations(staging: string, used: Set<string>): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'grahvani-testkit-types-'));
  const entry = 'packages/testkit/src/index.d.ts';
  try {
    const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
    await run(process.execPath, [
      tsc,
      ...['--declaration', '--emitDeclarationOnly', '--noCheck', '--skipLibCheck'],
      ...['--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext'],
      ...['--allowImportingTsExtensions', '--resolveJsonModule', '--strict', '--types', 'node'],
      ...['--rootDir', REPO, '--outDir', out],
      path.join(KIT, 'src', 'index.ts'),
      // Given as roots: tsc emits nothing for what it reached through node_modules.
      ...Object.values(TYPED_WORKSPACE_PACKAGES).map((file) => path.join(REPO, file)),
    ]);
    const pending = [entry];
    const done = new Set<string>();
    while (pending.length) {
      const file = pending.pop() ?? '';
      if (done.has(file)) continue;
      done.add(file);
      const text = (await readFile(path.join(out, file), 'utf8')).replace(
        /from '([^']+)'/g,
        (_match, spec: string) => {
          const workspace = TYPED_WORKSPACE_PACKAGES[spec];
          const target =
            workspace ??
            (spec.startsWith('.') ? path.posix.join(path.posix.dirname(file), spec) : undefined);
          if (target === undefined) {
            if (spec.startsWith('@grahvani/')) {
              throw new Error(`${file}: the public types reach into ${spec}`);
            }
            used.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec);
            return `from '${spec}'`;
          }
          const declaration = target.replace(/\.ts$/, '.d.ts');
          pending.push(declaration);
          const relative = path.posix.relative(path.posix.dirname(file), declaration);
          return `from '${relative.startsWith('.') ? relative : `./${relative}`}'`.replace(
            /\.d\.ts'$/,
            ".js'",
          );
        },
      );
      await mkdir(path.dirname(path.join(staging, 'dist', 'types', file)), { recursive: true });
      await writeFile(path.join(staging, 'dist', 'types', file), text);
    }
    return `./dist/types/${entry}`;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** Builds the package in a temporary directory and packs it into `outDir`; returns the tarball. */
export async function packTestkit(outDir: string): Promise<string> {
  const staging = await mkdtemp(path.join(tmpdir(), 'grahvani-testkit-pack-'));
  try {
    const used = new Set<string>();
    await build({
      entryPoints: [path.join(KIT, 'src', 'index.ts')],
      outfile: path.join(staging, 'dist', 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      plugins: [externalPackages(used), relocateImportMeta],
    });
    const types = await declarations(staging, used);
    for (const asset of ASSETS) {
      await cp(path.join(REPO, asset), path.join(staging, 'root', asset), {
        recursive: true,
        filter: assetFilter,
      });
    }
    const kit = JSON.parse(await readFile(path.join(KIT, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      description: string;
    };
    // Also every runtime dependency of the workspace's packages: some are found by name at run
    // time (e.g. the gateway's GraphiQL assets, `require.resolve('react/package.json')`).
    const root = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as {
      workspaces: string[];
    };
    // Exact versions, as every workspace declares them (npm install --save-exact).
    const declared = new Map<string, string>();
    for (const workspace of root.workspaces) {
      const { dependencies: deps = {} } = JSON.parse(
        await readFile(path.join(REPO, workspace, 'package.json'), 'utf8'),
      ) as { dependencies?: Record<string, string> };
      for (const [name, version] of Object.entries(deps)) {
        if (!name.startsWith('@grahvani/')) declared.set(name, version);
      }
    }
    const dependencies: Record<string, string> = {};
    for (const name of [...new Set([...used, ...declared.keys()])].sort()) {
      dependencies[name] = declared.get(name) ?? (await versionOf(name));
    }
    const manifest = {
      name: kit.name,
      version: kit.version,
      description: kit.description,
      type: 'module',
      engines: { node: '>=20.19' },
      exports: { '.': { types, default: './dist/index.js' } },
      dependencies,
    };
    await writeFile(path.join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(
      path.join(staging, 'README.md'),
      `# @grahvani/testkit\n\n${(await integrationTestsSection()).replace(/^## .*\n/, '')}`,
    );
    await mkdir(outDir, { recursive: true });
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', outDir], {
      cwd: staging,
    });
    const [packed] = JSON.parse(stdout) as { filename: string }[];
    if (!packed) throw new Error('npm pack produced nothing');
    return path.join(path.resolve(outDir), packed.filename);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? (process.argv[at + 1] ?? '.') : path.join(KIT, 'dist');
  console.log(await packTestkit(out));
}
