// Tests leave no mail behind: every stack writes its messages inside the test run's mail
// directory (tests/global-setup.ts removes it when the run ends), never loose in the system
// temporary directory, whether or not the test sets MAIL_DIR itself.
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, inject, it } from 'vitest';
import { registerAccount } from './fixtures/accounts.ts';
import { createMailDir, waitForMail } from './fixtures/mail.ts';
import { startStack } from './helpers/stack.ts';

/** Mail-like entries at the top of the system temporary directory. */
const looseMail = async () =>
  new Set(
    (await readdir(tmpdir())).filter(
      (name) => name.endsWith('.eml') || /^grahvani-(test-)?mail(-|$)/.test(name),
    ),
  );

it.each([
  ['a stack that sets no MAIL_DIR', () => ({})],
  [
    'a production stack given a mail directory',
    async () => ({
      NODE_ENV: 'production',
      APP_URL: 'https://app.example.com',
      MAIL_DIR: await createMailDir(),
    }),
  ],
])('keeps the mail of %s inside the run directory', async (_name, env) => {
  const before = await looseMail();
  const stack = await startStack({ env: await env() });
  try {
    const mailDir = stack.env.MAIL_DIR!;
    expect(path.relative(inject('mailRoot'), mailDir)).not.toMatch(/^\.\.|^$/);
    // Registering mails a verification link: it lands in the stack's directory.
    const account = await registerAccount(stack);
    await waitForMail(mailDir, account.email);
  } finally {
    await stack.close();
  }
  const added = [...(await looseMail())].filter((name) => !before.has(name));
  expect(added).toEqual([]);
});
