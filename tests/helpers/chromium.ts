// Debian's chromium for real-browser tests, driven by playwright-core (which never downloads a
// browser of its own). CI starts on a clean machine: the package is installed when missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Installs Debian's `chromium` package unless it is there (apt-get; needs root, as in CI). */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  // Wait for another apt-get (a parallel test run) instead of failing on dpkg's lock.
  const apt = (...args: string[]) =>
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt('install', '-y', '--no-install-recommends', 'chromium');
  } catch {
    // A clean machine may have no package lists yet.
    apt('update');
    apt('install', '-y', '--no-install-recommends', 'chromium');
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed no ${CHROMIUM_PATH}`);
  return CHROMIUM_PATH;
}

/** A headless chromium with a fresh profile; close() also deletes the profile. */
export interface ChromiumSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches chromium headless with a throwaway profile, without the background traffic
 * (updates, sync, QUIC probes) a browser makes on its own: tests must not leave loopback.
 * Everything else goes to a proxy that does not exist and no host name but localhost resolves,
 * so a page can reach only loopback servers. (Not Playwright's `route`: while any route is
 * set, Playwright answers CORS preflights itself, permissively, which would hide the
 * gateway's own answers.)
 */
export async function launchChromium(): Promise<ChromiumSession> {
  const executablePath = ensureChromium();
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'grahvani-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Loopback bypasses a proxy implicitly; port 9 (discard) refuses connections.
      '--proxy-server=http://127.0.0.1:9',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
