// The account flows' slice of contract/auth.graphql: every operation validates against the
// gateway's API schema, and its example variables are accepted (the request reaches the
// resolvers: every error it gets carries a path, none is a variable-coercion error).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailDir } from './fixtures/mail.ts';
import { contractOperations, gatewayApiSchema, validateOperation } from './helpers/contract.ts';
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

  it.each(operations)('$name accepts its example variables', async (operation) => {
    const res = await stack.gql(operation.document, examples.get(operation.name) ?? {});
    expect(res.status).toBeLessThan(500);
    for (const error of res.errors ?? []) {
      expect(error.path, `${error.message} (${String(error.extensions?.code)})`).toBeDefined();
      expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    }
  });
});
