// The gateway's offline explorer in a real browser (Debian's chromium): GraphiQL at /graphiql
// with every request to anything but the gateway aborted. As a new user does: runs the `login`
// of the first-run tab, puts the token in the headers editor, runs MyClientBook from the
// contract's tab and reads the rendered answer. Screenshot: tests/artifacts/graphiql-offline.png.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './helpers/chromium.ts';
import { contractOperations } from './helpers/contract.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const ARTIFACTS = path.resolve('tests/artifacts');
const op = (file: string, name: string) =>
  contractOperations(file).find((o) => o.name === name)!.document;

/** The text of a GraphiQL editor (CodeMirror 5 keeps it on its element). */
const editorText = (editor: Locator) =>
  editor
    .locator('.CodeMirror')
    .first()
    .evaluate((el) =>
      (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue(),
    );

/** Replaces an editor's text as typing would (a paste: no auto-closed brackets). */
async function typeInto(page: Page, editor: Locator, text: string) {
  await editor.locator('.CodeMirror').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

describe('GraphiQL at /graphiql, offline', () => {
  let browser: ChromiumSession;
  let stack: Stack;
  let noSandbox: Stack;
  const account = {
    email: `graphiql-${Date.now()}@example.com`,
    password: 'correct horse battery staple',
  };
  const clientName = 'Asha GraphiQL';

  beforeAll(async () => {
    browser = await launchChromium(); // installs chromium with apt-get when missing
    stack = await startStack();
    noSandbox = await startStack({ gatewayEnv: { SANDBOX: 'false' } });
    const registered = await stack.gql<{ register: { accessToken: string } }>(
      op('auth.graphql', 'Register'),
      { input: { ...account, name: 'GraphiQL Astrologer' } },
    );
    expect(registered.errors).toBeUndefined();
    const created = await stack.gql(
      op('clients.graphql', 'CreateClient'),
      { input: { name: clientName, tags: ['explorer'] } },
      { token: registered.data!.register.accessToken },
    );
    expect(created.errors).toBeUndefined();
    await mkdir(ARTIFACTS, { recursive: true });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([stack?.close(), noSandbox?.close()]);
  });

  it('signs in, sets the Authorization header and runs MyClientBook', async () => {
    const gateway = new URL(stack.gatewayUrl).origin;
    const page = await browser.context.newPage();
    const blocked: string[] = [];
    const served: string[] = [];
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === gateway) {
        served.push(url);
        await route.continue();
      } else {
        blocked.push(url);
        await route.abort('internetdisconnected');
      }
    });
    try {
      await page.goto(`${gateway}/graphiql`);
      const queryEditor = page.locator('.graphiql-query-editor');
      const toolEditors = page.locator('.graphiql-editor-tool');
      const result = page.locator('.graphiql-response');
      await expect
        .poll(() => editorText(queryEditor), { timeout: 30_000 })
        .toContain('mutation Login');
      // First run: the hint tab, then one tab per contract file.
      await expect.poll(() => page.locator('.graphiql-tab').count()).toBe(4);

      // 1. login, with this account in the variables editor.
      await typeInto(
        page,
        toolEditors.locator('.graphiql-editor').first(),
        JSON.stringify({ input: account }),
      );
      await page.locator('.graphiql-execute-button').click();
      await expect.poll(() => editorText(result), { timeout: 30_000 }).toContain('accessToken');
      const login = JSON.parse(await editorText(result)) as {
        data: { login: { accessToken: string } };
      };
      const token = login.data.login.accessToken;
      expect(token).toEqual(expect.any(String));

      // 2. the contract's clients tab, with the token in its headers editor.
      await page.locator('.graphiql-tab', { hasText: 'CreateClient' }).click();
      await expect.poll(() => editorText(queryEditor)).toContain('query MyClientBook');
      await page.getByRole('button', { name: 'Headers' }).click();
      await typeInto(
        page,
        toolEditors.locator('.graphiql-editor:not(.hidden)').last(),
        JSON.stringify({ Authorization: `Bearer ${token}` }),
      );

      // 3. MyClientBook, picked from the run button's list of the tab's operations.
      await page.locator('.graphiql-execute-button').click();
      await page.getByRole('menuitem', { name: 'MyClientBook', exact: true }).click();
      await expect.poll(() => editorText(result), { timeout: 30_000 }).toContain(clientName);
      // Rendered on the page, not only held by the editor.
      expect(await result.innerText()).toContain(clientName);
      const book = JSON.parse(await editorText(result)) as {
        data: { me: { email: string; profile: { clients: { edges: { node: unknown }[] } } } };
      };
      expect(book.data.me.email).toBe(account.email);
      expect(book.data.me.profile.clients.edges).toEqual([
        { node: expect.objectContaining({ name: clientName, tags: ['explorer'] }) },
      ]);

      const file = path.join(ARTIFACTS, 'graphiql-offline.png');
      await page.screenshot({ path: file, fullPage: true });
      console.info(`screenshot: ${file}`);
      // Everything the page needed came from the gateway.
      expect(blocked).toEqual([]);
      expect(served).toContain(`${gateway}/graphiql/assets/graphiql.js`);
    } finally {
      await page.close();
    }
  });

  it('is not served when SANDBOX is off (the production default)', async () => {
    for (const route of ['/graphiql', '/graphiql/assets/graphiql.js']) {
      const res = await fetch(new URL(route, noSandbox.gatewayUrl));
      expect(res.status, route).toBe(404);
    }
    const res = await fetch(new URL('/graphiql/assets/graphiql.js', stack.gatewayUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
  });
});
