// The token verifier of a gateway or subgraph together with its revocation source, and how a
// service that has not loaded it yet behaves: not ready, and refusing access tokens.
import type { TokenConfig } from '../config.ts';
import { GATEWAY_SECRET_HEADER } from '../gatewayProof.ts';
import type { Logger } from '../logger.ts';
import { createTokenVerifier, type TokenVerifier } from '../tokens.ts';
import { httpRevocationSnapshot, revocationUrls } from './httpSnapshot.ts';
import { listenTransport } from './listenTransport.ts';
import type { AccountSync } from './accountQueue.ts';
import { createRevocationSource, type RevocationSource } from './revocationSource.ts';
import { streamTransport } from './streamTransport.ts';

/** application_name of the LISTEN connections (visible in pg_stat_activity). */
export const LISTEN_APPLICATION_NAME = 'grahvani-revocations';

/**
 * The default verifier of a gateway or subgraph: keys from our JWKS, and revocations kept in
 * memory. With `listenUrl` (a service's own direct database connection) it LISTENs itself and
 * loads the snapshot from the auth service; without (the gateway has no database) it follows
 * the auth service's event stream. Both auth routes want the gateway secret. `accounts`
 * receives account deletions (LISTEN only). Until the source is loaded, a request that carries
 * a token is refused with SERVICE_UNAVAILABLE (503). Close `revocations` when the service stops.
 */
export async function createRevokingVerifier(
  tokens: TokenConfig,
  logger: Logger,
  {
    listenUrl,
    gatewaySecret,
    accounts,
  }: { listenUrl?: string; gatewaySecret: string; accounts?: AccountSync },
): Promise<{ verifier: TokenVerifier; revocations: RevocationSource }> {
  const urls = revocationUrls(tokens.jwksUrl);
  const headers = { [GATEWAY_SECRET_HEADER]: gatewaySecret };
  const revocations = createRevocationSource(
    listenUrl
      ? {
          logger,
          transport: listenTransport(listenUrl, LISTEN_APPLICATION_NAME),
          snapshot: httpRevocationSnapshot(urls.snapshot, headers),
          accounts,
        }
      : { logger, transport: streamTransport(urls.stream, headers) },
  );
  await revocations.start();
  const verifier = createTokenVerifier({
    issuer: tokens.issuer,
    audience: tokens.audience,
    keys: { jwksUrl: tokens.jwksUrl },
    isRevoked: revocations.isRevoked,
    isReady: () => revocations.loaded,
  });
  return { verifier, revocations };
}

/**
 * A readiness probe that also waits for the revocation source: a replica that cannot tell a
 * revoked token yet is not ready (GET /ready answers 503 with `revocations: "loading"`).
 */
export function readyWithRevocations(
  check: (() => Promise<{ ok: boolean; [key: string]: unknown }>) | undefined,
  revocations: Pick<RevocationSource, 'loaded'> | undefined,
): () => Promise<{ ok: boolean; [key: string]: unknown }> {
  return async () => {
    const result = check ? await check() : { ok: true };
    if (!revocations) return result;
    const loaded = revocations.loaded;
    return { ...result, ok: result.ok && loaded, revocations: loaded ? 'loaded' : 'loading' };
  };
}

/** `service` whose close() also closes `revocations` (when the service created them). */
export function closingRevocations<T extends { close(): Promise<void> }>(
  service: T,
  revocations: RevocationSource | undefined,
): T {
  if (!revocations) return service;
  const close = service.close.bind(service);
  return Object.assign(service, {
    async close() {
      await close();
      await revocations.close();
    },
  });
}
