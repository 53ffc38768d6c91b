// The one access-token verifier: algorithm, issuer, audience, typ and claims pinned; keys only
// from the JWKS; revocation and readiness checked on every verification.
import { GraphQLError } from 'graphql';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTokenVerifier,
  identifyLeniently,
  type Identity,
  type TokenVerifierOptions,
} from '../src/tokens.ts';

const ISSUER = 'https://auth.test';
const AUDIENCE = 'graph.test';
type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let privateKey: PrivateKey;
let jwk: JWK;

beforeAll(async () => {
  const pair = await generateKeyPair('EdDSA', { extractable: true });
  privateKey = pair.privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'EdDSA' };
});

interface TokenShape {
  claims?: Record<string, unknown>;
  typ?: string;
  issuer?: string;
  audience?: string;
  expiresIn?: string | number;
  key?: PrivateKey;
}

async function token(shape: TokenShape = {}): Promise<string> {
  const jwt = new SignJWT({ sid: 's1', role: 'USER', email: 'ada@example.com', ...shape.claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: 'k1', typ: shape.typ ?? 'at+jwt' })
    .setIssuer(shape.issuer ?? ISSUER)
    .setAudience(shape.audience ?? AUDIENCE)
    .setSubject('u1')
    .setIssuedAt()
    .setExpirationTime(shape.expiresIn ?? '15m');
  return jwt.sign(shape.key ?? privateKey);
}

function verifier(extra: Partial<TokenVerifierOptions> = {}) {
  return createTokenVerifier({
    issuer: ISSUER,
    audience: AUDIENCE,
    keys: { jwks: { keys: [jwk] } },
    ...extra,
  });
}

async function codeOf(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (err) {
    if (err instanceof GraphQLError) return err.extensions.code;
    throw err;
  }
  return 'verified';
}

describe('createTokenVerifier', () => {
  it('returns the identity of a valid token', async () => {
    const identity = await verifier().verify(await token());
    expect(identity).toMatchObject({
      userId: 'u1',
      sessionId: 's1',
      role: 'USER',
      email: 'ada@example.com',
    });
    expect(identity.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it.each<[string, TokenShape]>([
    ['another issuer', { issuer: 'https://evil.test' }],
    ['another audience', { audience: 'other' }],
    ['another typ (an ID token)', { typ: 'JWT' }],
    ['an expired token', { expiresIn: Math.floor(Date.now() / 1000) - 60 }],
    ['an unknown role', { claims: { role: 'ROOT' } }],
    ['no session id', { claims: { sid: undefined } }],
  ])('refuses %s as UNAUTHENTICATED', async (_, shape) => {
    expect(await codeOf(verifier().verify(await token(shape)))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed by a key outside the JWKS', async () => {
    const other = await generateKeyPair('EdDSA');
    expect(await codeOf(verifier().verify(await token({ key: other.privateKey })))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses an unsigned token (alg none) and garbage', async () => {
    const payload = (await token()).split('.')[1] ?? '';
    const none = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${payload}.`;
    expect(await codeOf(verifier().verify(none))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifier().verify('not.a.jwt'))).toBe('UNAUTHENTICATED');
  });

  it('asks the revocation check on every verification', async () => {
    const revoked = new Set<string>();
    const check = verifier({ isRevoked: (id: Identity) => revoked.has(id.sessionId) });
    const jwt = await token();
    expect(await codeOf(check.verify(jwt))).toBe('verified');
    revoked.add('s1');
    expect(await codeOf(check.verify(jwt))).toBe('UNAUTHENTICATED');
  });

  it('answers SERVICE_UNAVAILABLE while revocations are not loaded', async () => {
    let ready = false;
    const check = verifier({ isReady: () => ready });
    const jwt = await token();
    expect(await codeOf(check.verify(jwt))).toBe('SERVICE_UNAVAILABLE');
    ready = true;
    expect(await codeOf(check.verify(jwt))).toBe('verified');
  });

  it('reads only "Bearer <token>" from the Authorization header', async () => {
    const jwt = await token();
    expect(await verifier().identify(undefined)).toBeNull();
    expect((await verifier().identify(`bearer ${jwt}`))?.userId).toBe('u1');
    expect(await codeOf(verifier().identify(`Basic ${jwt}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifier().identify(`Bearer ${jwt} extra`))).toBe('UNAUTHENTICATED');
  });
});

describe('identifyLeniently', () => {
  it('treats a stale token as anonymous and says so; a malformed header stays an error', async () => {
    const expired = await token({ expiresIn: Math.floor(Date.now() / 1000) - 60 });
    expect(await identifyLeniently(verifier(), `Bearer ${expired}`)).toEqual({
      identity: null,
      tokenIgnored: true,
    });
    expect(await identifyLeniently(verifier(), undefined)).toEqual({
      identity: null,
      tokenIgnored: false,
    });
    expect(await codeOf(identifyLeniently(verifier(), 'Token abc'))).toBe('UNAUTHENTICATED');
  });

  it('does not swallow SERVICE_UNAVAILABLE', async () => {
    const notReady = verifier({ isReady: () => false });
    expect(await codeOf(identifyLeniently(notReady, `Bearer ${await token()}`))).toBe(
      'SERVICE_UNAVAILABLE',
    );
  });
});
