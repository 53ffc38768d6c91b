// Subgraphs trust only the gateway: every request to a subgraph (probes and the public keys
// aside) carries a secret shared by the gateway and the subgraphs, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type express from 'express';
import { ConfigError, bool, optionalStr, str, type Env, type NodeEnv } from './config.ts';

/** The header in which the gateway proves itself to the subgraphs. */
export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';

/** Prefix of secrets generated for development; production refuses them. */
export const DEV_SECRET_PREFIX = 'dev-';

/** Shortest accepted secret: 32 characters (e.g. `openssl rand -hex 32` gives 64). */
export const MIN_GATEWAY_SECRET_LENGTH = 32;

/**
 * GATEWAY_SECRET, checked: at least 32 characters; in production required and never a
 * development value (unless ALLOW_DEV_SECRETS=1). Unset in development it is read from (or
 * generated into) `<DATA_DIR>/keys/gateway-secret`, which `npm start` also passes to every
 * service; unset in tests every call gives a fresh random one (services given different
 * secrets do not talk, so a test stack must pass one explicitly).
 */
export function gatewaySecret(env: Env, mode: NodeEnv): string {
  const value = optionalStr(env, 'GATEWAY_SECRET');
  if (value === undefined) {
    if (mode === 'production') throw new ConfigError('GATEWAY_SECRET is required in production');
    if (mode === 'test') return newGatewaySecret();
    return loadOrCreateDevGatewaySecret(str(env, 'DATA_DIR', '.data'));
  }
  if (value.length < MIN_GATEWAY_SECRET_LENGTH) {
    throw new ConfigError(
      `GATEWAY_SECRET must be at least ${MIN_GATEWAY_SECRET_LENGTH} characters`,
    );
  }
  if (
    mode === 'production' &&
    value.startsWith(DEV_SECRET_PREFIX) &&
    !bool(env, 'ALLOW_DEV_SECRETS', false)
  ) {
    throw new ConfigError(
      'GATEWAY_SECRET is a development value, refused in production (ALLOW_DEV_SECRETS=1 to override)',
    );
  }
  return value;
}

/** A fresh random secret (256 bits); `prefix` marks development ones. */
export function newGatewaySecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Reads `<dataDir>/keys/gateway-secret`, generating it (mode 0600) on first use. */
export function loadOrCreateDevGatewaySecret(dataDir: string): string {
  const file = path.join(dataDir, 'keys', 'gateway-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  // The data directory keeps its usual mode (the embedded PostgreSQL, run as another OS user
  // when we are root, must enter it); only keys/ is private.
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, `${newGatewaySecret(DEV_SECRET_PREFIX)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readFileSync(file, 'utf8').trim();
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** True when `given` is the secret; hashing first makes the comparison constant-time at any length. */
export function isGatewaySecret(secret: string, given: string | undefined): boolean {
  return given !== undefined && timingSafeEqual(digest(secret), digest(given));
}

/**
 * Express middleware answering HTTP 401 (a GraphQL-shaped body, code UNAUTHENTICATED) to any
 * request that does not carry the gateway's secret, before GraphQL or any route runs.
 */
export function requireGatewayProof(secret: string): express.RequestHandler {
  return (req, res, next) => {
    if (isGatewaySecret(secret, req.get(GATEWAY_SECRET_HEADER))) return next();
    res.status(401).json({
      errors: [
        {
          message: 'Subgraphs answer only the gateway',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
  };
}
