// Which peers may tell us the client's address (X-Forwarded-For): the TRUSTED_PROXIES list.
import type express from 'express';
import proxyaddr from 'proxy-addr';
import { ConfigError, str, type Env } from './config.ts';

/**
 * TRUSTED_PROXIES: addresses, CIDR ranges or the names `loopback`, `linklocal` and
 * `uniquelocal`, comma-separated (default `loopback`). Used as express's `trust proxy`.
 */
export function trustedProxies(env: Env): string[] {
  const list = str(env, 'TRUSTED_PROXIES', 'loopback')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    proxyaddr.compile(list);
  } catch (err) {
    throw new ConfigError(`TRUSTED_PROXIES: ${(err as Error).message}`);
  }
  return list;
}

/**
 * Builds the function giving the X-Forwarded-For to pass on: from a trusted peer, the chain it
 * sent plus the peer; from anyone else, the peer alone (a chain it sent is replaced, never
 * extended, so a client cannot choose the address the services see).
 */
export function createForwardedFor(
  trusted: string[],
): (req: express.Request) => string | undefined {
  const trust = proxyaddr.compile(trusted);
  return (req) => {
    const peer = req.socket.remoteAddress;
    if (!peer) return undefined;
    const received = req.get('x-forwarded-for');
    return received && trust(peer, 0) ? `${received}, ${peer}` : peer;
  };
}
