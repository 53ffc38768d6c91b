// OpenID Connect sign-in through the gateway against local providers (own key pairs, JWKS
// servers on 127.0.0.1): verification, sign-up, linking rules, me.oauthAccounts and unlinking.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount } from './fixtures/accounts.ts';
import { createMailDir } from './fixtures/mail.ts';
import { startOidcProvider, type TestOidcProvider } from './fixtures/oidc.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/services.ts';

const SIGN_IN = `mutation ($input: OAuthSignInInput!) {
  signInWithOAuth(input: $input) { accessToken refreshToken user { id email emailVerified } }
}`;
const MY_ACCOUNTS = `query { me { id oauthAccounts { id provider providerUserId createdAt } } }`;
const UNLINK = `mutation ($id: ID!) { unlinkOAuthAccount(id: $id) }`;

interface SignedIn {
  signInWithOAuth: { accessToken: string; user: { id: string; email: string } };
}
interface MyAccounts {
  me: { id: string; oauthAccounts: { id: string; provider: string; providerUserId: string }[] };
}

let stack: SubgraphUnderTest;
let oidc: TestOidcProvider;
let google: TestOidcProvider;

beforeAll(async () => {
  oidc = await startOidcProvider();
  google = await startOidcProvider('google-client-id.apps.example');
  stack = await startSubgraph('auth', {
    env: {
      MAIL_DIR: await createMailDir(),
      OIDC_PROVIDERS: JSON.stringify({ OIDC: oidc.config, GOOGLE: google.config }),
    },
  });
});
afterAll(async () => {
  await stack?.close();
  await oidc?.close();
  await google?.close();
});

const newEmail = () => `oauth-${randomUUID()}@example.com`;
const signIn = (idToken: string, provider = 'OIDC') =>
  stack.gql<SignedIn>(SIGN_IN, { input: { provider, idToken } });

describe('signInWithOAuth', () => {
  it('signs up a new account once per (provider, subject)', async () => {
    const email = newEmail();
    const sub = randomUUID();
    const first = await signIn(await oidc.idToken({ sub, email, name: 'Ada' }));
    expect(first.errors).toBeUndefined();
    const user = first.data?.signInWithOAuth.user;
    expect(user).toMatchObject({ email, emailVerified: true });
    const again = await signIn(await oidc.idToken({ sub, email: newEmail() }));
    expect(again.data?.signInWithOAuth.user.id).toBe(user?.id);

    const mine = await stack.gql<MyAccounts>(
      MY_ACCOUNTS,
      {},
      { token: again.data?.signInWithOAuth.accessToken },
    );
    expect(mine.data?.me.oauthAccounts).toMatchObject([{ provider: 'OIDC', providerUserId: sub }]);
    const row = await stack.db.auth.authUser.findUniqueOrThrow({ where: { id: user?.id } });
    expect([row.status, row.passwordHash]).toEqual(['ACTIVE', null]);
  });

  it('refuses forged, foreign-audience, foreign-issuer, expired and unsigned tokens', async () => {
    const claims = { email: newEmail() };
    const now = Math.floor(Date.now() / 1000);
    const unsigned = [
      Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
      Buffer.from(
        JSON.stringify({ iss: oidc.issuer, aud: oidc.audience, sub: 'x', iat: now, exp: now + 60 }),
      ).toString('base64url'),
      '',
    ].join('.');
    const tokens = [
      await oidc.idToken(claims, { key: 'foreign' }),
      await oidc.idToken({ ...claims, aud: 'someone-else' }),
      await oidc.idToken({ ...claims, iss: 'https://evil.example' }),
      await oidc.idToken(claims, { expiresIn: now - 60 }),
      await google.idToken(claims),
      unsigned,
      'not a jwt',
    ];
    for (const token of tokens)
      expect(errorCodes(await signIn(token))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an unconfigured provider with BAD_USER_INPUT', async () => {
    const res = await signIn(await oidc.idToken({ email: newEmail() }), 'APPLE');
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('links to an existing account only when both emails are verified and equal', async () => {
    const verified = await registerAccount(stack);
    await stack.db.auth.authUser.update({
      where: { id: verified.id },
      data: { emailVerified: true, status: 'ACTIVE' },
    });
    const linked = await signIn(await oidc.idToken({ email: verified.email }));
    expect(linked.data?.signInWithOAuth.user.id).toBe(verified.id);

    const unverified = await registerAccount(stack);
    const refused = await signIn(await oidc.idToken({ email: unverified.email }));
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    const unverifiedClaim = await signIn(
      await oidc.idToken({ email: verified.email, email_verified: false }),
    );
    expect(errorCodes(unverifiedClaim)).toEqual(['UNAUTHENTICATED']);
    expect(await stack.db.auth.authOAuthAccount.count({ where: { userId: unverified.id } })).toBe(
      0,
    );
  });

  it('refuses tokens without a verified email for new subjects', async () => {
    expect(errorCodes(await signIn(await oidc.idToken({})))).toEqual(['UNAUTHENTICATED']);
    const unverified = await oidc.idToken({ email: newEmail(), email_verified: false });
    expect(errorCodes(await signIn(unverified))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses suspended accounts', async () => {
    const sub = randomUUID();
    const res = await signIn(await oidc.idToken({ sub, email: newEmail() }));
    await stack.db.auth.authUser.update({
      where: { id: res.data?.signInWithOAuth.user.id },
      data: { status: 'SUSPENDED' },
    });
    const again = await signIn(await oidc.idToken({ sub, email: newEmail() }));
    expect(errorCodes(again)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('unlinkOAuthAccount', () => {
  it('keeps the last way to sign in and unlinks the others', async () => {
    const email = newEmail();
    const first = await signIn(await oidc.idToken({ email }));
    const token = first.data?.signInWithOAuth.accessToken;
    const accounts = async () =>
      (await stack.gql<MyAccounts>(MY_ACCOUNTS, {}, { token })).data?.me.oauthAccounts ?? [];
    const [only] = await accounts();
    expect(errorCodes(await stack.gql(UNLINK, { id: only?.id }, { token }))).toEqual([
      'BAD_USER_INPUT',
    ]);

    // The same verified email through Google links a second identity.
    const viaGoogle = await signIn(await google.idToken({ email }), 'GOOGLE');
    expect(viaGoogle.data?.signInWithOAuth.user.id).toBe(first.data?.signInWithOAuth.user.id);
    expect((await accounts()).map((a) => a.provider).sort()).toEqual(['GOOGLE', 'OIDC']);
    expect((await stack.gql(UNLINK, { id: only?.id }, { token })).data).toEqual({
      unlinkOAuthAccount: true,
    });
    expect((await accounts()).map((a) => a.provider)).toEqual(['GOOGLE']);
  });

  it('lets an account with a password unlink its only identity', async () => {
    const account = await registerAccount(stack);
    await stack.db.auth.authUser.update({
      where: { id: account.id },
      data: { emailVerified: true, status: 'ACTIVE' },
    });
    await signIn(await oidc.idToken({ email: account.email }));
    const mine = await stack.gql<MyAccounts>(MY_ACCOUNTS, {}, { token: account.accessToken });
    const id = mine.data?.me.oauthAccounts[0]?.id;
    const res = await stack.gql(UNLINK, { id }, { token: account.accessToken });
    expect(res.data).toEqual({ unlinkOAuthAccount: true });
  });

  it("is UNAUTHENTICATED signed out and NOT_FOUND for another account's identity", async () => {
    const owner = await signIn(await oidc.idToken({ email: newEmail() }));
    const ownerToken = owner.data?.signInWithOAuth.accessToken;
    const mine = await stack.gql<MyAccounts>(MY_ACCOUNTS, {}, { token: ownerToken });
    const id = mine.data?.me.oauthAccounts[0]?.id;
    const other = await registerAccount(stack);
    expect(errorCodes(await stack.gql(UNLINK, { id }, { token: other.accessToken }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      errorCodes(await stack.gql(UNLINK, { id: 'nope' }, { token: other.accessToken })),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await stack.gql(UNLINK, { id }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('AuthUser.oauthAccounts', () => {
  it("is FORBIDDEN on someone else's account (entity lookups included)", async () => {
    const owner = await signIn(await oidc.idToken({ email: newEmail() }));
    const other = await registerAccount(stack);
    const res = await fetch(stack.url, {
      method: 'POST',
      headers: {
        ...stack.gatewayProof,
        'content-type': 'application/json',
        authorization: `Bearer ${other.accessToken}`,
      },
      body: JSON.stringify({
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AuthUser { oauthAccounts { id } } } }`,
        variables: { r: [{ __typename: 'AuthUser', id: owner.data?.signInWithOAuth.user.id }] },
      }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
