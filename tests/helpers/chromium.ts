// Debian's chromium for real-browser tests, driven by playwright-core (which never downloads a
// browser of its own). CI starts on a clean machine: the package is installed when missing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { ensureDebianPackage } from './debian.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Installs Debian's `chromium` package unless it is there. */
export function ensureChromium(): string {
  return ensureDebianPackage('chromium', CHROMIUM_PATH);
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
