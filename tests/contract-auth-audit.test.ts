// contract/auth.graphql, the audit trail: AuditLog validates against the gateway's API schema
// and, sent as written, gives ADMINs the events newest first with Relay paging and filters;
// everyone else is refused. The "done when": promote, suspend and reinstate an
// account, then read the three events (actor, before, after, address) through AuditLog.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { accountWithRole } from './fixtures/admins.ts';
import { contractOperations, gatewayApiSchema, validateOperation } from './helpers/contract.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const NAMES = ['AuditLog', 'SetUserRole', 'SetUserStatus'];
const operations = contractOperations('auth.graphql').filter((op) => NAMES.includes(op.name));
const documents = Object.fromEntries(operations.map((op) => [op.name, op.document]));

interface AuditNode {
  id: string;
  action: string;
  actor: { id: string } | null;
  target: { id: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ipAddress: string | null;
  requestId: string | null;
  createdAt: string;
}
interface AuditPage {
  auditLog: {
    totalCount: number;
    edges: { node: AuditNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('contract/auth.graphql: audit trail', () => {
  it('holds AuditLog', () => {
    expect(operations.map((op) => op.name).sort()).toEqual([...NAMES].sort());
  });

  const schema = gatewayApiSchema();
  it.each(operations)('$name validates against the gateway', (operation) => {
    expect(validateOperation(schema, operation)).toEqual([]);
  });

  describe('through the gateway', () => {
    let stack: Stack;
    let admin: TestAccount;
    let target: TestAccount;
    const ADDRESS = '203.0.113.44';

    beforeAll(async () => {
      stack = await startStack();
      admin = await accountWithRole(stack, 'ADMIN');
      target = await accountWithRole(stack, 'USER');
      const act = (name: string, variables: Record<string, unknown>) =>
        stack.gql(documents[name]!, variables, {
          token: admin.accessToken,
          headers: { 'x-forwarded-for': ADDRESS },
        });
      // Promote, suspend, reinstate.
      for (const [name, variables] of [
        ['SetUserRole', { id: target.id, role: 'MODERATOR' }],
        ['SetUserStatus', { id: target.id, status: 'SUSPENDED' }],
        ['SetUserStatus', { id: target.id, status: 'ACTIVE' }],
      ] as const) {
        const res = await act(name, variables);
        if (res.errors) throw new Error(JSON.stringify(res.errors));
      }
    });
    afterAll(() => stack?.close());

    const auditLog = (variables: Record<string, unknown>, token = admin.accessToken) =>
      stack.gql<AuditPage>(documents.AuditLog!, variables, { token });

    it('shows an ADMIN the three events, newest first, with actor, before, after and address', async () => {
      const res = await auditLog({ first: 20, after: null, filter: { targetId: target.id } });
      expect(res.errors).toBeUndefined();
      const page = res.data!.auditLog;
      expect(page.totalCount).toBe(3);
      expect(page.pageInfo.hasNextPage).toBe(false);
      const nodes = page.edges.map((e) => e.node);
      expect(nodes.map((n) => [n.action, n.before, n.after])).toEqual([
        ['STATUS_CHANGED', { status: 'SUSPENDED' }, { status: 'ACTIVE' }],
        ['STATUS_CHANGED', { status: 'ACTIVE' }, { status: 'SUSPENDED' }],
        ['ROLE_CHANGED', { role: 'USER' }, { role: 'MODERATOR' }],
      ]);
      for (const node of nodes) {
        expect(node.actor).toEqual({ id: admin.id });
        expect(node.target).toEqual({ id: target.id });
        expect(node.ipAddress).toBe(ADDRESS);
        expect(node.requestId).toEqual(expect.any(String));
      }
      const times = nodes.map((n) => Date.parse(n.createdAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it('filters by action, actor and time range, and pages with cursors', async () => {
      const byAction = await auditLog({
        filter: { action: 'ROLE_CHANGED', targetId: target.id },
      });
      expect(byAction.data!.auditLog.edges.map((e) => e.node.action)).toEqual(['ROLE_CHANGED']);

      const byActor = await auditLog({ filter: { actorId: admin.id } });
      expect(byActor.data!.auditLog.totalCount).toBe(3);

      const future = new Date(Date.now() + 60_000).toISOString();
      const none = await auditLog({ filter: { targetId: target.id, from: future } });
      expect(none.data!.auditLog.totalCount).toBe(0);
      const past = await auditLog({ filter: { targetId: target.id, to: future } });
      expect(past.data!.auditLog.totalCount).toBe(3);

      const first = await auditLog({ first: 2, filter: { targetId: target.id } });
      const page1 = first.data!.auditLog;
      expect(page1.edges).toHaveLength(2);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const second = await auditLog({
        first: 2,
        after: page1.pageInfo.endCursor,
        filter: { targetId: target.id },
      });
      const page2 = second.data!.auditLog;
      expect(page2.edges.map((e) => e.node.action)).toEqual(['ROLE_CHANGED']);
      expect(page2.pageInfo.hasNextPage).toBe(false);
      expect(page2.totalCount).toBe(3);
    });

    it('refuses malformed filters with BAD_USER_INPUT', async () => {
      expect(errorCodes(await auditLog({ filter: { targetId: 'not-an-id' } }))).toEqual([
        'BAD_USER_INPUT',
      ]);
      const now = new Date().toISOString();
      expect(errorCodes(await auditLog({ filter: { from: now, to: now } }))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(errorCodes(await auditLog({ first: 101 }))).toEqual(['BAD_USER_INPUT']);
    });

    it('refuses everyone but ADMINs', async () => {
      const user = await registerAccount(stack);
      const moderator = await accountWithRole(stack, 'MODERATOR');
      for (const token of [user.accessToken, moderator.accessToken]) {
        const res = await auditLog({ filter: { targetId: target.id } }, token);
        expect(errorCodes(res)).toEqual(['FORBIDDEN']);
        expect(res.data ?? null).toBeNull();
      }
      const anonymous = await stack.gql(documents.AuditLog!, {});
      expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    });

    it('names the CLI or system actor in actorLabel when no account acted', async () => {
      const id = randomUUID();
      await stack.db.auth.authAuditLog.create({
        data: { action: 'ADMIN_CREATED', actorLabel: 'cli:operator', targetId: id },
      });
      const res = await stack.gql<{
        auditLog: { edges: { node: { actor: null; actorLabel: string } }[] };
      }>(
        `query ($f: AuditLogFilter) { auditLog(filter: $f) { edges { node { actor { id } actorLabel } } } }`,
        { f: { targetId: id } },
        { token: admin.accessToken },
      );
      expect(res.data?.auditLog.edges).toEqual([
        { node: { actor: null, actorLabel: 'cli:operator' } },
      ]);
    });
  });
});
