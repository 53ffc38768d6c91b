import { ConfigError, appUrl, optionalStr, type Env, type NodeEnv } from '@grahvani/shared';
import cors from 'cors';
import type { RequestHandler } from 'express';

/** Which web origins may call the gateway from a browser. */
export interface CorsConfig {
  /** Exact origins (`https://app.example.com`), normalised as browsers send them. */
  origins: string[];
  /** Origin patterns with `*` (`http://localhost:*`); refused in production. */
  patterns: string[];
  /** Any loopback origin (localhost, 127.0.0.1, [::1]; http or https; any port). */
  loopback: boolean;
}

/** Request headers a browser app may send (preflight's Access-Control-Allow-Headers). */
export const CORS_ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'idempotency-key',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];

/** How long a browser may cache a preflight answer (seconds; Chromium caps it at 7200). */
export const CORS_MAX_AGE_SECONDS = 600;

/**
 * CORS_ORIGINS: a comma-separated list of origins. Unset: in development and test APP_URL's
 * origin and every loopback origin; in production none.
 */
export function corsConfig(env: Env, mode: NodeEnv): CorsConfig {
  const raw = optionalStr(env, 'CORS_ORIGINS');
  if (raw === undefined) {
    return mode === 'production'
      ? { origins: [], patterns: [], loopback: false }
      : { origins: [new URL(appUrl(env, mode)).origin], patterns: [], loopback: true };
  }
  const config: CorsConfig = { origins: [], patterns: [], loopback: false };
  for (const entry of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!/^https?:\/\/[^/?#\s@]+\/?$/i.test(entry) || !parsesAsUrl(entry.replace(/\*/g, '1'))) {
      throw new ConfigError(
        `CORS_ORIGINS entries must be origins like https://app.example.com (got "${entry}")`,
      );
    }
    if (entry.includes('*')) {
      if (mode === 'production') {
        throw new ConfigError(`CORS_ORIGINS patterns are refused in production (got "${entry}")`);
      }
      config.patterns.push(entry.replace(/\/$/, '').toLowerCase());
    } else {
      config.origins.push(new URL(entry).origin);
    }
  }
  return config;
}

function parsesAsUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a browser's Origin header names an origin the configuration allows. */
export function originAllowed(config: CorsConfig, origin: string): boolean {
  if (config.origins.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file://) and anything malformed
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.origin !== origin) return false; // browsers send origins in normal form
  if (config.loopback && LOOPBACK_HOSTS.has(url.hostname)) return true;
  return config.patterns.some((pattern) => patternRegExp(pattern).test(origin));
}

// `*` stands for one host label sequence or a port: it never crosses `/` or `:`.
function patternRegExp(pattern: string): RegExp {
  const parts = pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/:]+')}$`);
}

/**
 * CORS for the gateway (the `cors` package, origins decided by `originAllowed`): preflights
 * from allowed origins are answered 204; other origins get no CORS headers, so the browser
 * refuses the response. No credentials mode: tokens travel in `Authorization`, not cookies.
 * Every response varies by Origin, so a shared cache never hands one origin's answer to another.
 */
export function createCors(config: CorsConfig): RequestHandler {
  const handler = cors({
    origin: (origin, callback) => callback(null, !!origin && originAllowed(config, origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    // Retry-After: a web app reads when to try again after a 429 (README "Rate limits").
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: CORS_MAX_AGE_SECONDS,
    optionsSuccessStatus: 204,
    credentials: false,
  });
  return (req, res, next) => {
    res.vary('Origin');
    handler(req, res, next);
  };
}
