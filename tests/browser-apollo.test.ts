// A web app on another origin, in a real browser (Debian's chromium), with Apollo Client 3 and
// its default InMemoryCache: signs in, reads its client book, creates a client and reads it
// back through the gateway; with the allowlist off and on; and refused on an origin the
// gateway does not allow. Screenshots go to tests/artifacts/ (not committed).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunOptions, RunResult, WebApp } from './browser/appTypes.ts';
import { bundleWebApp } from './browser/bundle.ts';
import { servePage, type PageServer } from './browser/pageServer.ts';
import { launchChromium, type ChromiumSession } from './helpers/chromium.ts';
import { contractOperations } from './helpers/contract.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const ARTIFACTS = path.resolve('tests/artifacts');
const register = contractOperations('auth.graphql').find((op) => op.name === 'Register')!;

describe('a web app in chromium (Apollo Client 3, another origin)', () => {
  let browser: ChromiumSession;
  let app: PageServer; // allowed everywhere
  let stranger: PageServer; // not in the allowlisted stack's CORS_ORIGINS
  let open: Stack; // development defaults: APP_URL and loopback origins, no allowlist
  let allowlisted: Stack; // OPERATION_ALLOWLIST=contract, CORS_ORIGINS=<app's origin>
  const account = {
    email: `browser-${Date.now()}@example.com`,
    password: 'correct horse battery staple',
  };
  const requested: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium(); // installs chromium with apt-get when missing
    const script = await bundleWebApp();
    app = await servePage(script);
    stranger = await servePage(script);
    open = await startStack();
    allowlisted = await startStack({
      env: { OPERATION_ALLOWLIST: 'contract', CORS_ORIGINS: app.origin },
    });
    const res = await open.gql(register.document, {
      input: { ...account, name: 'Browser Astrologer' },
    });
    expect(res.errors).toBeUndefined();
    await mkdir(ARTIFACTS, { recursive: true });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([app?.close(), stranger?.close(), open?.close(), allowlisted?.close()]);
  });

  /** Opens the app from `page`, runs it against `stack`, saves a screenshot named `name`. */
  async function runApp(
    page: PageServer,
    stack: Stack,
    name: string,
    options: Partial<RunOptions> = {},
  ): Promise<{ result: RunResult; graphqlBodies: Record<string, unknown>[] }> {
    const tab: Page = await browser.context.newPage();
    const graphqlBodies: Record<string, unknown>[] = [];
    tab.on('request', (request: Request) => {
      requested.push(request.url());
      if (request.url() === stack.gatewayUrl && request.method() === 'POST') {
        graphqlBodies.push(request.postDataJSON() as Record<string, unknown>);
      }
    });
    try {
      await tab.goto(`${page.origin}/`);
      const result = await tab.evaluate(
        (o) => (globalThis as unknown as { grahvaniApp: WebApp }).grahvaniApp.run(o),
        {
          gatewayUrl: stack.gatewayUrl,
          email: account.email,
          password: account.password,
          clientName: `Asha ${name}`,
          persisted: false,
          ...options,
        },
      );
      const file = path.join(ARTIFACTS, `browser-${name}.png`);
      await tab.screenshot({ path: file, fullPage: true });
      console.info(`screenshot: ${file}`);
      return { result, graphqlBodies };
    } finally {
      await tab.close();
    }
  }

  function expectSignedInAndServed(result: RunResult, name: string) {
    expect(result.error).toBeUndefined();
    expect(result.createdId).toEqual(expect.any(String));
    expect(result.readBack).toEqual({
      name: `Asha ${name}`,
      tags: ['browser'],
      ownerEmail: account.email,
    });
    expect(result.clientCountAfter).toBe(result.clientCountBefore! + 1);
    expect(result.steps).toContain('refreshed the session');
  }

  it('signs in and reads and writes its client book (allowlist off)', async () => {
    const { result, graphqlBodies } = await runApp(app, open, 'allowlist-off');
    expectSignedInAndServed(result, 'allowlist-off');
    // Apollo Client sent its own shape of the documents: __typename everywhere.
    expect(graphqlBodies.map((b) => b.operationName)).toEqual([
      'Login',
      'MyClientBook',
      'CreateClient',
      'ClientById',
      'RefreshSession',
      'MyClientBook',
    ]);
    expect(String(graphqlBodies[1]!.query)).toContain('__typename');
  });

  it('does the same with OPERATION_ALLOWLIST=contract, contract operations sent by hash', async () => {
    const { result, graphqlBodies } = await runApp(app, allowlisted, 'allowlist-contract', {
      persisted: true,
    });
    expectSignedInAndServed(result, 'allowlist-contract');
    const sentAs = graphqlBodies.map(
      (b) => `${String(b.operationName)} ${b.query ? 'text' : 'hash'}`,
    );
    // The contract's own documents are known by hash; ClientById, written with fragments, is
    // unknown by hash and is then sent as text, which the allowlist matches after normalising.
    expect(sentAs).toEqual([
      'Login hash',
      'MyClientBook hash',
      'CreateClient hash',
      'ClientById hash',
      'ClientById text',
      'RefreshSession text',
      'MyClientBook hash',
    ]);
  });

  it('is refused by the browser on an origin the gateway does not allow', async () => {
    const { result } = await runApp(stranger, allowlisted, 'origin-refused');
    expect(result.error).toMatchObject({ network: true, codes: [] });
    expect(result.steps).toEqual([expect.stringMatching(/^failed/)]);
    expect(result.createdId).toBeUndefined();
  });

  it('reads the JWKS from the gateway cross-origin (to verify tokens in the app)', async () => {
    const tab = await browser.context.newPage();
    tab.on('request', (request: Request) => requested.push(request.url()));
    try {
      await tab.goto(`${app.origin}/`);
      const keys = await tab.evaluate(
        (url) =>
          fetch(url)
            .then((res) => res.json() as Promise<{ keys: unknown[] }>)
            .then((jwks) => jwks.keys.length),
        new URL('/.well-known/jwks.json', allowlisted.gatewayUrl).toString(),
      );
      expect(keys).toBeGreaterThan(0);
    } finally {
      await tab.close();
    }
  });

  it('cannot reach anything beyond loopback from the page', async () => {
    const tab = await browser.context.newPage();
    try {
      await tab.goto(`${app.origin}/`);
      for (const url of [
        'http://example.com/',
        'https://93.184.215.14/',
        'http://[2606:4700::1]/',
      ]) {
        const outcome = await tab.evaluate(
          (u) =>
            fetch(u, { mode: 'no-cors' }).then(
              () => 'reached',
              () => 'blocked',
            ),
          url,
        );
        expect(outcome, url).toBe('blocked');
      }
    } finally {
      await tab.close();
    }
  });

  it('sent nothing beyond loopback (the page servers and the gateways)', () => {
    expect(requested.length).toBeGreaterThan(0);
    const loopback = requested.filter((url) =>
      /^http:\/\/(localhost|127\.0\.0\.1):\d+\//.test(url),
    );
    expect(loopback).toEqual(requested);
  });
});
