// "Never remove the last admin" is a rule over all accounts, so this file runs the graph on a
// database of its own: no other test file's admins can make the count wrong.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prepareDatabase, resolveServiceUrls } from '../scripts/lib/database.ts';
import type { UserRole } from '../subgraphs/auth/src/generated/prisma/client.ts';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { createMailDir } from './fixtures/mail.ts';
import { withDatabase } from './helpers/embedded-db.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/services.ts';

const SET_STATUS = `mutation ($id: ID!, $status: UserStatus!) {
  setUserStatus(id: $id, status: $status) { id status }
}`;
const SET_ROLE = `mutation ($id: ID!, $role: UserRole!) { setUserRole(id: $id, role: $role) { id role } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`;

const sharedOwner = inject('databaseUrls').owner;
const name = `last_admin_${randomUUID().replaceAll('-', '')}`;
let stack: SubgraphUnderTest;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: sharedOwner });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const owner = withDatabase(sharedOwner, name);
  const services = resolveServiceUrls(owner, {}, 'test');
  await prepareDatabase(owner, services);
  stack = await startSubgraph('auth', {
    databaseUrls: { owner, ...services },
    env: { MAIL_DIR: await createMailDir() },
  });
});
afterAll(async () => {
  await stack?.close();
  const admin = new pg.Client({ connectionString: sharedOwner });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

async function accountWithRole(role: UserRole): Promise<TestAccount> {
  const account = await registerAccount(stack);
  await stack.db.auth.authUser.update({
    where: { id: account.id },
    data: { role, status: 'ACTIVE' },
  });
  const res = await stack.gql<{ login: { accessToken: string } }>(LOGIN, {
    input: { email: account.email, password: account.password },
  });
  return { ...account, accessToken: res.data?.login.accessToken ?? '' };
}

describe('the last active ADMIN', () => {
  it('cannot be demoted, suspended or deleted; a second admin makes it possible', async () => {
    const first = await accountWithRole('ADMIN');
    const asFirst = { token: first.accessToken };
    for (const role of ['USER', 'MODERATOR']) {
      const res = await stack.gql(SET_ROLE, { id: first.id, role }, asFirst);
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    }
    for (const status of ['SUSPENDED', 'DELETED', 'PENDING_VERIFICATION']) {
      const res = await stack.gql(SET_STATUS, { id: first.id, status }, asFirst);
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    }
    const unchanged = await stack.db.auth.authUser.findUniqueOrThrow({ where: { id: first.id } });
    expect([unchanged.role, unchanged.status]).toEqual(['ADMIN', 'ACTIVE']);

    const second = await accountWithRole('USER');
    const promoted = await stack.gql(SET_ROLE, { id: second.id, role: 'ADMIN' }, asFirst);
    expect(promoted.data).toEqual({ setUserRole: { id: second.id, role: 'ADMIN' } });
    const demoted = await stack.gql(SET_ROLE, { id: first.id, role: 'USER' }, asFirst);
    expect(demoted.data).toEqual({ setUserRole: { id: first.id, role: 'USER' } });
  });

  it('survives two admins demoting each other at the same time', async () => {
    const admins = await stack.db.auth.authUser.findMany({ where: { role: 'ADMIN' } });
    expect(admins).toHaveLength(1);
    const a = await accountWithRole('ADMIN');
    const b = await accountWithRole('ADMIN');
    // Leave exactly a and b as the active admins.
    await stack.db.auth.authUser.updateMany({
      where: { role: 'ADMIN', id: { notIn: [a.id, b.id] } },
      data: { role: 'USER' },
    });
    const results = await Promise.all([
      stack.gql(SET_ROLE, { id: b.id, role: 'USER' }, { token: a.accessToken }),
      stack.gql(SET_ROLE, { id: a.id, role: 'USER' }, { token: b.accessToken }),
    ]);
    const codes = results.map((r) => errorCodes(r)[0] ?? 'OK').sort();
    // One wins; the other is refused (by the lock) or, having lost its role, FORBIDDEN.
    expect(codes[1]).toBe('OK');
    expect(['BAD_USER_INPUT', 'FORBIDDEN']).toContain(codes[0]);
    expect(await stack.db.auth.authUser.count({ where: { role: 'ADMIN', status: 'ACTIVE' } })).toBe(
      1,
    );
  });
});
