// The verifier remembers tokens it verified (until their exp), and still applies revocations,
// readiness and expiry on every use.
import { randomUUID } from 'node:crypto';
import {
  createTokenVerifier,
  generateSigningKey,
  publicJwks,
  type Identity,
  type TokenVerifierOptions,
} from '@grahvani/shared';
import { SignJWT, importJWK, type CryptoKey, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from './helpers/graphql.ts';

const ISSUER = 'https://auth.test';
const AUDIENCE = 'grahvani-test';

describe('token verification cache', () => {
  let key: JWK;
  beforeAll(async () => {
    key = await generateSigningKey('cache-');
  });

  async function token(expiresInSeconds = 600, sessionId: string = randomUUID()) {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ sid: sessionId, role: 'USER' })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid!, typ: 'at+jwt' })
      .setSubject(randomUUID())
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + expiresInSeconds)
      .sign((await importJWK(key, 'EdDSA')) as CryptoKey);
  }

  const verifierWith = (options: Partial<TokenVerifierOptions> = {}) =>
    createTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      keys: { jwks: publicJwks([key]) },
      ...options,
    });

  /** The codes a verification fails with (empty when it passes). */
  async function refusal(run: Promise<Identity>): Promise<unknown[]> {
    try {
      await run;
      return [];
    } catch (err) {
      return errorCodes({ status: 0, errors: [err as { message: string }] });
    }
  }

  it('answers a token seen before from the cache (the same identity)', async () => {
    const verifier = verifierWith();
    const jwt = await token();
    const first = await verifier.verify(jwt);
    expect(await verifier.verify(jwt)).toBe(first);
    expect(await verifier.verify(await token())).not.toBe(first);
  });

  it('verifies every time with the cache off', async () => {
    const verifier = verifierWith({ cacheSize: 0 });
    const jwt = await token();
    expect(await verifier.verify(jwt)).not.toBe(await verifier.verify(jwt));
  });

  it('refuses a cached token once its session is revoked', async () => {
    const revoked = new Set<string>();
    const verifier = verifierWith({ isRevoked: (identity) => revoked.has(identity.sessionId) });
    const sessionId = randomUUID();
    const jwt = await token(600, sessionId);
    expect(await refusal(verifier.verify(jwt))).toEqual([]);
    revoked.add(sessionId);
    expect(await refusal(verifier.verify(jwt))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a cached token while revocations are not loaded', async () => {
    let ready = true;
    const verifier = verifierWith({ isReady: () => ready });
    const jwt = await token();
    await verifier.verify(jwt);
    ready = false;
    expect(await refusal(verifier.verify(jwt))).toEqual(['SERVICE_UNAVAILABLE']);
  });

  it('refuses a cached token once it has expired', async () => {
    const verifier = verifierWith();
    const jwt = await token(2);
    expect(await refusal(verifier.verify(jwt))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await refusal(verifier.verify(jwt))).toEqual(['UNAUTHENTICATED']);
  });
});
