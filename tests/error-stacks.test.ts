// In development, expected errors (a known code) come without a stack trace: the gateway's
// would show only its own query plan. Unexpected errors keep theirs there, and nowhere else.
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormatError, createLogger } from '@grahvani/shared';
import { registerAccount } from './fixtures/accounts.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`;
const UPDATE_PROFILE = `mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;
const REVOKE = `mutation ($id: ID!) { revokeSession(id: $id) }`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { NODE_ENV: 'development' } });
});
afterAll(() => stack?.close());

describe('expected errors in development, through the gateway', () => {
  it('carry their code and no stack trace', async () => {
    const account = await registerAccount(stack);
    const answers = [
      await stack.gql(LOGIN, { input: { email: account.email, password: 'not the password' } }),
      await stack.gql('mutation { logoutAll }'),
      await stack.gql(
        UPDATE_PROFILE,
        { input: { bio: 'x'.repeat(100_000) } },
        { token: account.accessToken },
      ),
      await stack.gql(
        REVOKE,
        { id: '00000000-0000-4000-8000-000000000000' },
        { token: account.accessToken },
      ),
    ];
    expect(answers.map((answer) => answer.errors?.[0]?.extensions?.code)).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'BAD_USER_INPUT',
      'NOT_FOUND',
    ]);
    for (const answer of answers) {
      expect(answer.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
    }
  });
});

describe('createFormatError', () => {
  const logger = createLogger('error-stacks-test', 'silent');
  const stacktrace = ['Error: boom', '    at somewhere (file.ts:1:1)'];

  it('keeps the stack of an unexpected error in development only', () => {
    const formatted = {
      message: 'boom',
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace },
    };
    const raw = new Error('boom');
    expect(createFormatError(logger, { exposeDetails: true })(formatted, raw).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      stacktrace,
    });
    expect(createFormatError(logger)(formatted, raw)).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('drops the stack of an expected error even in development', () => {
    const formatted = { message: 'no', extensions: { code: 'FORBIDDEN', stacktrace } };
    const raw = new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } });
    expect(createFormatError(logger, { exposeDetails: true })(formatted, raw)).toEqual({
      message: 'no',
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
