// Forged and misused access tokens are never accepted nor a server error: every subgraph called
// directly answers UNAUTHENTICATED (HTTP 401), and the gateway ignores them (the request runs
// anonymous with extensions.tokenIgnored, tests/tokens-stale.test.ts); all use one verifier.
import { createHmac } from 'node:crypto';
import { SignJWT, decodeJwt, importJWK, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, publicJwks } from '@grahvani/shared';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { errorCodes, type GraphQLClient } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('forged access tokens', () => {
  let stack: Stack;
  let account: TestAccount;
  let targets: [string, GraphQLClient][];
  const forged: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    account = await registerAccount(stack);
    targets = [
      ['gateway', stack],
      ['auth subgraph', stack.subgraph('auth')],
      ['users subgraph', stack.subgraph('users')],
      ['clients subgraph', stack.subgraph('clients')],
    ];
    const ourKey = stack.signingKeys[0]!;
    const kid = ourKey.kid!;
    const privateKey = (await importJWK(ourKey, 'EdDSA')) as CryptoKey;
    const valid = decodeJwt(account.accessToken);
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: valid.iss,
      aud: valid.aud,
      sub: valid.sub,
      sid: valid.sid,
      role: 'USER',
      iat: now,
      exp: now + 600,
    };
    const sign = (
      payload: Record<string, unknown>,
      header: Record<string, unknown> = {},
      key: CryptoKey | Uint8Array = privateKey,
    ) =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt', ...header } as { alg: string })
        .sign(key);
    const [header, , signature] = account.accessToken.split('.');
    const publicJwk = publicJwks([ourKey]).keys[0]!;
    const hs256 = (secret: Uint8Array | string) => {
      const head = b64({ alg: 'HS256', typ: 'at+jwt', kid });
      const body = b64(claims);
      const mac = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
      return `${head}.${body}.${mac}`;
    };
    const stranger = await generateSigningKey('stranger-');
    const strangerKey = (await importJWK(stranger, 'EdDSA')) as CryptoKey;
    const { exp: _exp, ...withoutExp } = claims;

    forged['alg none'] = `${b64({ alg: 'none', typ: 'at+jwt', kid })}.${b64(claims)}.`;
    forged['HS256 keyed with the public JWK'] = hs256(JSON.stringify(publicJwk));
    forged['HS256 keyed with the raw public key'] = hs256(
      Buffer.from(publicJwk.x as string, 'base64url'),
    );
    forged['tampered payload (role ADMIN)'] =
      `${header}.${b64({ ...decodeJwt(account.accessToken), role: 'ADMIN' })}.${signature}`;
    forged['expired'] = await sign({ ...claims, iat: now - 3600, exp: now - 60 });
    forged['wrong issuer'] = await sign({ ...claims, iss: 'https://evil.example' });
    forged['wrong audience'] = await sign({ ...claims, aud: 'another-api' });
    forged['missing exp'] = await sign(withoutExp);
    forged['unknown kid'] = await sign(claims, { kid: stranger.kid }, strangerKey);
    forged['our kid, another key'] = await sign(claims, {}, strangerKey);
    forged['key embedded in the header'] = await sign(
      claims,
      { kid: stranger.kid, jwk: publicJwks([stranger]).keys[0] as JWK },
      strangerKey,
    );
    forged['typ JWT (not an access token)'] = await sign(claims, { typ: 'JWT' });
    forged['unknown role'] = await sign({ ...claims, role: 'SUPERUSER' });
    forged['missing sid'] = await sign({ ...claims, sid: undefined });
    forged['refresh token as access token'] = account.refreshToken;
    forged['garbage'] = 'abc.def.ghi';
  });
  afterAll(() => stack?.close());

  it('accepts the genuine token everywhere (so the refusals below mean something)', async () => {
    for (const [, client] of targets) {
      const res = await client.gql('{ __typename }', {}, { token: account.accessToken });
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
    }
  });

  it.each([
    'alg none',
    'HS256 keyed with the public JWK',
    'HS256 keyed with the raw public key',
    'tampered payload (role ADMIN)',
    'expired',
    'wrong issuer',
    'wrong audience',
    'missing exp',
    'unknown kid',
    'our kid, another key',
    'key embedded in the header',
    'typ JWT (not an access token)',
    'unknown role',
    'missing sid',
    'refresh token as access token',
    'garbage',
  ])('refuses %s: ignored at the gateway, 401 UNAUTHENTICATED at each subgraph', async (name) => {
    const token = forged[name]!;
    expect(token).toBeTruthy();
    const atGateway = await stack.gql('{ me { id role } }', {}, { token });
    expect({ status: atGateway.status, body: atGateway.data, ext: atGateway.extensions }).toEqual({
      status: 200,
      body: { me: null },
      ext: { tokenIgnored: true },
    });
    for (const [target, client] of targets.slice(1)) {
      const res = await client.gql('{ __typename }', {}, { token });
      expect({ target, status: res.status, codes: errorCodes(res) }).toEqual({
        target,
        status: 401,
        codes: ['UNAUTHENTICATED'],
      });
    }
  });

  it('refuses a malformed Authorization header the same way', async () => {
    for (const [, client] of targets) {
      const res = await client.gql(
        '{ __typename }',
        {},
        { headers: { authorization: `Basic ${account.accessToken}` } },
      );
      expect(res.status).toBe(401);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    }
  });
});
