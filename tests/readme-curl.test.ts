// The README's first screen shows how to sign in with curl and call the API with the token: the
// very commands printed there, run by bash against a real gateway (localhost:4000 swapped for
// the test gateway's address), sign the development astrologer in and read `me`.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../subgraphs/auth/src/passwords.ts';
import { ensureDebianPackage } from './helpers/debian.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const run = promisify(execFile);
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const ASTRO = { email: 'astro@grahvani.dev', password: 'grahvani-astro-dev' };

let stack: Stack;

beforeAll(async () => {
  // The README's commands use curl: CI's clean machine may not have it.
  ensureDebianPackage('curl', '/usr/bin/curl');
  stack = await startStack();
  // The development account `npm start` seeds (scripts/lib/seed.ts), with its README password.
  const passwordHash = await hashPassword(ASTRO.password);
  const account = { status: 'ACTIVE', emailVerified: true, passwordHash } as const;
  await stack.db.auth.authUser.upsert({
    where: { email: ASTRO.email },
    update: account,
    create: { ...account, email: ASTRO.email, name: 'Asha Astrologer', role: 'USER' },
  });
});
afterAll(() => stack?.close());

it('signs in and calls the API with the commands the README shows first', async () => {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const script = blocks.find((block) => block.includes('curl'));
  expect(README.indexOf(script!)).toBeLessThan(README.indexOf('## Run it'));
  expect(script).toContain('http://localhost:4000/graphql');
  const origin = new URL(stack.gatewayUrl).origin;
  const { stdout } = await run(
    'bash',
    ['-euo', 'pipefail', '-c', script!.replaceAll('http://localhost:4000', origin)],
    {
      timeout: 30_000,
    },
  );
  expect(JSON.parse(stdout)).toEqual({ data: { me: { email: ASTRO.email, role: 'USER' } } });
});
