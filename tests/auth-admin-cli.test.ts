// `npm run admin -- create-admin`, run as an operator would (a child process) against the
// test database in production mode: creates an ADMIN that can sign in, or promotes one.
import { spawn } from 'node:child_process';
import { userInfo } from 'node:os';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerAccount } from './fixtures/accounts.ts';
import { createMailDir } from './fixtures/mail.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/services.ts';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { user { role status } } }`;
const PASSWORD = 'an operator passphrase';

let stack: SubgraphUnderTest;
beforeAll(async () => {
  stack = await startSubgraph('auth', { env: { MAIL_DIR: await createMailDir() } });
});
afterAll(() => stack?.close());

function runAdmin(args: string[], env: Record<string, string> = {}, stdin = '') {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        AUTH_DATABASE_URL: inject('databaseUrls').auth,
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(stdin);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run admin -- create-admin', () => {
  it('creates an active, verified ADMIN from ADMIN_PASSWORD that can sign in', async () => {
    const email = `admin-${randomUUID()}@example.com`;
    const run = await runAdmin(['create-admin', '--email', email], { ADMIN_PASSWORD: PASSWORD });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const login = await stack.gql(LOGIN, { input: { email, password: PASSWORD } });
    expect(login.data).toEqual({ login: { user: { role: 'ADMIN', status: 'ACTIVE' } } });
    const user = await stack.db.auth.authUser.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerified).toBe(true);
    // The audit trail names the CLI and the OS user who ran it.
    const events = await stack.db.auth.authAuditLog.findMany({ where: { targetId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'ADMIN_CREATED',
      actorId: null,
      actorLabel: `cli:${userInfo().username}`,
      before: null,
      after: { email, role: 'ADMIN', status: 'ACTIVE' },
    });
  });

  it('reads the password from stdin when it is not in the environment', async () => {
    const email = `admin-${randomUUID()}@example.com`;
    const run = await runAdmin(['create-admin', '--email', email], {}, `${PASSWORD}\n`);
    expect(run.code).toBe(0);
    expect(
      (await stack.gql(LOGIN, { input: { email, password: PASSWORD } })).errors,
    ).toBeUndefined();
  });

  it('promotes an existing account', async () => {
    const account = await registerAccount(stack);
    const run = await runAdmin(['create-admin', '--email', account.email]);
    expect(run.code).toBe(0);
    const login = await stack.gql(LOGIN, {
      input: { email: account.email, password: account.password },
    });
    expect(login.data).toEqual({ login: { user: { role: 'ADMIN', status: 'ACTIVE' } } });
    // Only the changed fields; a second run changes nothing and records nothing.
    expect((await runAdmin(['create-admin', '--email', account.email])).code).toBe(0);
    const events = await stack.db.auth.authAuditLog.findMany({ where: { targetId: account.id } });
    expect(events.map((e) => [e.action, e.actorLabel, e.before, e.after])).toEqual([
      [
        'ADMIN_PROMOTED',
        `cli:${userInfo().username}`,
        { role: 'USER', status: 'PENDING_VERIFICATION' },
        { role: 'ADMIN', status: 'ACTIVE' },
      ],
    ]);
  });

  it('refuses a weak password and creates nothing', async () => {
    const email = `admin-${randomUUID()}@example.com`;
    const weak = await runAdmin(['create-admin', '--email', email], { ADMIN_PASSWORD: 'short' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password/i);
    expect(await stack.db.auth.authUser.count({ where: { email } })).toBe(0);
    const events = await stack.db.auth.authAuditLog.findMany({
      where: { action: 'ADMIN_CREATED' },
    });
    expect(events.filter((e) => JSON.stringify(e.after).includes(email))).toEqual([]);
  });
});
