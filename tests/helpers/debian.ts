// Debian packages some tests drive (chromium, curl). CI starts on a clean machine: a package is
// installed with apt-get (root, as in CI) when its program is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Installs Debian's `pkg` unless `program` exists; returns the program's path. */
export function ensureDebianPackage(pkg: string, program: string): string {
  if (existsSync(program)) return program;
  // Wait for another apt-get (a parallel test run) instead of failing on dpkg's lock.
  const apt = (...args: string[]) =>
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt('install', '-y', '--no-install-recommends', pkg);
  } catch {
    // A clean machine may have no package lists yet.
    apt('update');
    apt('install', '-y', '--no-install-recommends', pkg);
  }
  if (!existsSync(program)) throw new Error(`apt-get installed no ${program}`);
  return program;
}
