// The account flows' slice of contract/auth.graphql: every operation validates against the
// gateway's API schema, and its example variables are accepted: the request reaches the
// resolver and gets the answer its comment promises, signed out and as a signed-in USER
// (the examples' tokens and ids are placeholders, so those answers are refusals).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailDir } from './fixtures/mail.ts';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { contractOperations, gatewayApiSchema, validateOperation } from './helpers/contract.ts';
import type { GraphQLResponse } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const FLOWS = [
  'RequestPasswordReset',
  'ResetPassword',
  'RequestEmailVerification',
  'VerifyEmail',
  'AuthUsers',
  'SetUserStatus',
  'SetUserRole',
  'AuditLog',
  'InviteUser',
  'AcceptInvitation',
  'SignInWithOAuth',
  'MyOAuthAccounts',
  'UnlinkOAuthAccount',
  'RequestMagicLink',
  'SignInWithMagicLink',
];

const operations = contractOperations('auth.graphql').filter((op) => FLOWS.includes(op.name));

/** The example variables in the comment above each operation (`# {...}`), by name. */
function exampleVariables(): Map<string, Record<string, unknown>> {
  const examples = new Map<string, Record<string, unknown>>();
  let last: Record<string, unknown> = {};
  for (const line of readFileSync('contract/auth.graphql', 'utf8').split('\n')) {
    const json = /^#.*?(\{.*\})\s*$/.exec(line)?.[1];
    if (json) last = JSON.parse(json) as Record<string, unknown>;
    const op = /^(?:query|mutation) (\w+)/.exec(line)?.[1];
    if (op) {
      examples.set(op, last);
      last = {};
    }
  }
  return examples;
}

describe('contract/auth.graphql: account flows', () => {
  const schema = gatewayApiSchema();
  const examples = exampleVariables();
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { MAIL_DIR: await createMailDir() } });
  });
  afterAll(() => stack?.close());

  it('finds every flow operation', () => {
    expect(operations.map((op) => op.name).sort()).toEqual([...FLOWS].sort());
  });

  it.each(operations)('$name validates against the gateway', (operation) => {
    expect(validateOperation(schema, operation)).toEqual([]);
  });

  /** What a response amounts to: the root field's value, or its error code at that field. */
  function outcome(res: GraphQLResponse<Record<string, unknown>>): unknown {
    expect(res.status).toBe(200);
    const errors = res.errors ?? [];
    if (errors.length === 0) return res.data;
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path, errors[0]?.message).toHaveLength(1);
    return errors[0]?.extensions?.code;
  }

  // Signed out: what each comment promises to a caller with no session, the examples'
  // placeholder tokens being invalid.
  const SIGNED_OUT: Record<string, unknown> = {
    RequestPasswordReset: { requestPasswordReset: true },
    ResetPassword: 'BAD_USER_INPUT',
    RequestEmailVerification: 'UNAUTHENTICATED',
    VerifyEmail: 'BAD_USER_INPUT',
    AuthUsers: 'UNAUTHENTICATED',
    SetUserStatus: 'UNAUTHENTICATED',
    SetUserRole: 'UNAUTHENTICATED',
    AuditLog: 'UNAUTHENTICATED',
    InviteUser: 'UNAUTHENTICATED',
    AcceptInvitation: 'BAD_USER_INPUT',
    SignInWithOAuth: 'BAD_USER_INPUT',
    MyOAuthAccounts: { me: null },
    UnlinkOAuthAccount: 'UNAUTHENTICATED',
    RequestMagicLink: { requestMagicLink: true },
    SignInWithMagicLink: 'UNAUTHENTICATED',
  };

  // Signed in as a USER: the ADMIN-only operations are FORBIDDEN, the viewer's own work.
  const asUser = (user: TestAccount): Record<string, unknown> => ({
    ...SIGNED_OUT,
    RequestEmailVerification: { requestEmailVerification: true },
    AuthUsers: 'FORBIDDEN',
    SetUserStatus: 'FORBIDDEN',
    SetUserRole: 'FORBIDDEN',
    AuditLog: 'FORBIDDEN',
    InviteUser: 'FORBIDDEN',
    MyOAuthAccounts: { me: { id: user.id, oauthAccounts: [] } },
    UnlinkOAuthAccount: 'NOT_FOUND',
  });

  it('has an expected answer for every flow', () => {
    expect(Object.keys(SIGNED_OUT).sort()).toEqual([...FLOWS].sort());
  });

  it.each(operations)(
    '$name answers a signed-out caller as its comment says',
    async (operation) => {
      const res = await stack.gql(operation.document, examples.get(operation.name) ?? {});
      expect(outcome(res)).toEqual(SIGNED_OUT[operation.name]);
    },
  );

  describe('as a signed-in USER', () => {
    let user: TestAccount;
    beforeAll(async () => {
      user = await registerAccount(stack);
    });

    it.each(operations)('$name answers as its comment says', async (operation) => {
      const res = await stack.gql(operation.document, examples.get(operation.name) ?? {}, {
        token: user.accessToken,
      });
      expect(outcome(res)).toEqual(asUser(user)[operation.name]);
    });
  });
});
