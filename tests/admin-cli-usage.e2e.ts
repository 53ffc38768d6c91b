// `npm run admin` as a developer runs it: while `npm start` holds the embedded database it
// uses that running server (no need to stop the graph), and bad arguments get the usage.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLClient } from './helpers/graphql.ts';
import { npmStart, startEnvironment, waitFor } from './helpers/npmStart.ts';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { user { role status } } }`;
const PASSWORD = 'an operator passphrase';

function runAdmin(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const USAGE = /^usage: npm run admin -- create-admin --email <email> \[--name <name>\]\n$/;

describe('npm run admin arguments', () => {
  it.each([
    ['an unknown option', ['create-admin', '--email', 'a@example.com', '--bogus']],
    ['no command', []],
    ['an option without its value', ['create-admin', '--email']],
  ])('prints the usage, not a stack trace, and exits 2 on %s', async (_case, args) => {
    const run = await runAdmin(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(USAGE);
    expect(run.stdout).toBe('');
  });

  it('prints the usage on --help and exits 0', async () => {
    const run = await runAdmin(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(USAGE);
  });
});

describe('npm run admin while npm start runs', { timeout: 180_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ dataDir, env } = await startEnvironment('grahvani-admin-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates an ADMIN in the running database, who signs in at once', async () => {
    const run = npmStart(env);
    try {
      await waitFor(run, 'Grahvani graph is running');
      const email = `admin-${randomUUID()}@example.com`;
      // Only the data directory: the port of the running server comes from its lock file.
      const admin = await runAdmin(['create-admin', '--email', email], {
        DATA_DIR: dataDir,
        ADMIN_PASSWORD: PASSWORD,
      });
      expect(admin.stderr).toBe('');
      expect(admin.code).toBe(0);
      expect(admin.stdout).toMatch(/^created ADMIN /);
      const gateway = createGraphQLClient(`http://127.0.0.1:${env.GATEWAY_PORT}/graphql`);
      const login = await gateway.gql(LOGIN, { input: { email, password: PASSWORD } });
      expect(login.data).toEqual({ login: { user: { role: 'ADMIN', status: 'ACTIVE' } } });
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
  });
});
