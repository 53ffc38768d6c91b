import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** Prefix of the key ids of keys generated for development; production refuses them. */
export const DEV_KEY_PREFIX = 'dev-';

/**
 * Loads the development signing key from `<dataDir>/keys/jwt-signing-keys.json`, generating
 * an Ed25519 key pair there on first use. Returns private JWKs, newest last.
 */
export async function loadOrCreateDevSigningKeys(dataDir: string): Promise<JWK[]> {
  const file = path.join(dataDir, 'keys', 'jwt-signing-keys.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as JWK[];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const keys = [await generateSigningKey(DEV_KEY_PREFIX)];
  // Only keys/ is private: its parent (the data directory) keeps its usual mode, which the
  // embedded PostgreSQL, run as another OS user when we are root, must be able to enter.
  await mkdir(path.dirname(path.dirname(file)), { recursive: true });
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify(keys, null, 2), { mode: 0o600, flag: 'wx' }).catch(
    async (err: NodeJS.ErrnoException) => {
      // Another process created it first: use theirs.
      if (err.code !== 'EEXIST') throw err;
    },
  );
  return JSON.parse(await readFile(file, 'utf8')) as JWK[];
}

/** Generates an Ed25519 private JWK with `kid`, `alg` and `use` set. */
export async function generateSigningKey(kidPrefix = ''): Promise<JWK> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = kidPrefix + (await calculateJwkThumbprint(jwk));
  return { ...jwk, kid, alg: 'EdDSA', use: 'sig' };
}

/** The public half of private JWKs, for a JWKS document. */
export function publicJwks(privateKeys: JWK[]): { keys: JWK[] } {
  return {
    keys: privateKeys.map((key) => {
      const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = key;
      return pub;
    }),
  };
}
