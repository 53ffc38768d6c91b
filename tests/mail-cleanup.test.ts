// Tests leave no mail behind: every stack writes its messages inside the test run's mail
// directory (tests/global-setup.ts removes it when the run ends), never loose in the system
// temporary directory nor in the auth service's default test directory, whether or not the
// test sets MAIL_DIR itself.
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, inject, it } from 'vitest';
import { registerAccount } from './fixtures/accounts.ts';
import { createMailDir, waitForMail } from './fixtures/mail.ts';
import { startStack } from './helpers/stack.ts';

/** Where mail used to land: loose in the temporary directory, or the test-mode default. */
const LOOSE = [tmpdir(), path.join(tmpdir(), 'grahvani-test-mail')];

/** .eml files in `dir` written since `since` that mention `email` (other runs may write too). */
async function mailMentioning(dir: string, email: string, since: number): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const found: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.eml'))) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info || info.mtimeMs < since) continue;
    if ((await readFile(file, 'utf8').catch(() => '')).includes(email)) found.push(file);
  }
  return found;
}

it.each([
  ['a stack that sets no MAIL_DIR', () => Promise.resolve({})],
  [
    'a production stack given a mail directory',
    async () => ({
      NODE_ENV: 'production',
      APP_URL: 'https://app.example.com',
      MAIL_DIR: await createMailDir(),
    }),
  ],
])('keeps the mail of %s inside the run directory', async (_name, env) => {
  const since = Date.now() - 1_000;
  const stack = await startStack({ env: await env() });
  let email: string;
  try {
    const mailDir = stack.env.MAIL_DIR!;
    expect(path.relative(inject('mailRoot'), mailDir)).not.toMatch(/^\.\.|^$/);
    // Registering mails a verification link: it lands in the stack's directory, only there.
    email = (await registerAccount(stack)).email;
    await waitForMail(mailDir, email);
  } finally {
    await stack.close();
  }
  for (const dir of LOOSE) expect(await mailMentioning(dir, email, since)).toEqual([]);
});
