// Signing keys: where they come from, what a token carries, the JWKS on auth and on the
// gateway origin, and rotation (several keys published, the newest signs).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT, decodeJwt, decodeProtectedHeader, importJWK, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConfigError, generateSigningKey } from '@grahvani/shared';
import { loadConfig } from '../subgraphs/auth/src/config.ts';
import { registerAccount } from './fixtures/accounts.ts';
import { startStack, type Stack } from './helpers/stack.ts';

describe('signing keys from configuration', () => {
  const authUrl = () => inject('databaseUrls').auth;
  // Everything else production requires, so that each test fails only for the keys.
  const productionMail = {
    APP_URL: 'https://app.example.com',
    MAIL_DIR: tmpdir(),
    GATEWAY_SECRET: 'p'.repeat(64),
  };

  it('refuses development keys in production unless ALLOW_DEV_SECRETS=1', async () => {
    const devKey = await generateSigningKey('dev-');
    const env = {
      NODE_ENV: 'production',
      AUTH_DATABASE_URL: authUrl(),
      JWT_PRIVATE_KEYS: JSON.stringify([devKey]),
      ...productionMail,
    };
    await expect(loadConfig(env)).rejects.toThrow(/Development signing keys/);
    const allowed = await loadConfig({ ...env, ALLOW_DEV_SECRETS: '1' });
    expect(allowed.tokens.signingKeys[0]?.kid).toBe(devKey.kid);
  });

  it('requires JWT_PRIVATE_KEYS in production and accepts real keys', async () => {
    const env = { NODE_ENV: 'production', AUTH_DATABASE_URL: authUrl(), ...productionMail };
    await expect(loadConfig(env)).rejects.toThrow(/JWT_PRIVATE_KEYS/);
    const key = await generateSigningKey('prod-');
    const config = await loadConfig({ ...env, JWT_PRIVATE_KEYS: JSON.stringify([key]) });
    expect(config.tokens.signingKeys.map((k) => k.kid)).toEqual([key.kid]);
  });

  it.each([
    ['not JSON', '{oops'],
    ['a public key (no d)', 'public'],
    ['a key without kid', 'nokid'],
  ])('refuses JWT_PRIVATE_KEYS that is %s', async (_label, kind) => {
    const key = await generateSigningKey('prod-');
    const { d: _d, ...publicOnly } = key;
    const { kid: _kid, ...noKid } = key;
    const raw =
      kind === 'public'
        ? JSON.stringify([publicOnly])
        : kind === 'nokid'
          ? JSON.stringify([noKid])
          : kind;
    await expect(
      loadConfig({ NODE_ENV: 'production', AUTH_DATABASE_URL: authUrl(), JWT_PRIVATE_KEYS: raw }),
    ).rejects.toThrow(ConfigError);
  });

  it('generates development keys once into DATA_DIR/keys and reuses them', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'grahvani-keys-'));
    try {
      const env = { NODE_ENV: 'development', AUTH_DATABASE_URL: authUrl(), DATA_DIR: dataDir };
      const first = await loadConfig(env);
      const second = await loadConfig(env);
      expect(first.tokens.signingKeys[0]?.kid).toMatch(/^dev-/);
      expect(second.tokens.signingKeys).toEqual(first.tokens.signingKeys);
      const file = await readFile(path.join(dataDir, 'keys', 'jwt-signing-keys.json'), 'utf8');
      expect(JSON.parse(file)).toEqual(first.tokens.signingKeys);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('JWKS and key rotation', () => {
  let stack: Stack;
  let oldKey: Awaited<ReturnType<typeof generateSigningKey>>;
  let newKey: typeof oldKey;

  beforeAll(async () => {
    oldKey = await generateSigningKey('old-');
    newKey = await generateSigningKey('new-');
    stack = await startStack({ env: { JWT_PRIVATE_KEYS: JSON.stringify([oldKey, newKey]) } });
  });
  afterAll(() => stack?.close());

  const jwks = async (url: string) => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    return (await res.json()) as { keys: Record<string, unknown>[] };
  };

  it('publishes every key, public halves only, on auth and on the gateway origin', async () => {
    const fromAuth = await jwks(new URL('/.well-known/jwks.json', stack.subgraphUrls.auth).href);
    const fromGateway = await jwks(new URL('/.well-known/jwks.json', stack.gatewayUrl).href);
    expect(fromGateway).toEqual(fromAuth);
    expect(fromAuth.keys.map((k) => k.kid)).toEqual([oldKey.kid, newKey.kid]);
    for (const key of fromAuth.keys) {
      expect(key).not.toHaveProperty('d');
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    }
  });

  it('signs with the newest key, with every claim the verifiers require', async () => {
    const account = await registerAccount(stack);
    expect(decodeProtectedHeader(account.accessToken)).toEqual({
      alg: 'EdDSA',
      kid: newKey.kid,
      typ: 'at+jwt',
    });
    const claims = decodeJwt(account.accessToken);
    expect(claims).toMatchObject({
      iss: 'https://auth.grahvani.dev',
      aud: 'grahvani-graph',
      sub: account.id,
      role: 'USER',
    });
    expect(claims.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.exp! - claims.iat!).toBe(900);
  });

  it('still accepts a live token signed with the older published key', async () => {
    const account = await registerAccount(stack);
    const claims = decodeJwt(account.accessToken);
    const key = (await importJWK(oldKey, 'EdDSA')) as CryptoKey;
    const token = await new SignJWT({ sid: claims.sid, role: 'USER' })
      .setProtectedHeader({ alg: 'EdDSA', kid: oldKey.kid!, typ: 'at+jwt' })
      .setIssuer(claims.iss!)
      .setAudience(claims.aud!)
      .setSubject(claims.sub!)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
    const me = await stack.gql<{ me: { id: string } }>('{ me { id } }', {}, { token });
    expect(me.data?.me.id).toBe(account.id);
    const users = stack.subgraph('users');
    expect((await users.gql('{ __typename }', {}, { token })).status).toBe(200);
  });
});
