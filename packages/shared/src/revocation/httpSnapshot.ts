import type { RevocationSnapshot } from './codec.ts';
import type { SnapshotLoader } from './transport.ts';

/** The auth service's revocation endpoints, next to its JWKS (the one URL every verifier has). */
export function revocationUrls(jwksUrl: string): { snapshot: string; stream: string } {
  return {
    snapshot: new URL('/revocations', jwksUrl).toString(),
    stream: new URL('/revocations/stream', jwksUrl).toString(),
  };
}

/** The JSON body of `GET /revocations` (expiries as ISO timestamps). */
export interface SnapshotBody {
  revocations: { sessionId: string; expiresAt: string }[];
  deletedAccounts?: string[];
}

export function encodeSnapshot(snapshot: RevocationSnapshot): SnapshotBody {
  return {
    revocations: snapshot.revocations.map((r) => ({
      sessionId: r.sessionId,
      expiresAt: new Date(r.expiresAt).toISOString(),
    })),
    ...(snapshot.deletedAccounts ? { deletedAccounts: snapshot.deletedAccounts } : {}),
  };
}

/** A snapshot loader for the auth service's `GET /revocations`. */
export function httpRevocationSnapshot(
  url: string,
  headers: Record<string, string> = {},
): SnapshotLoader {
  return async () => {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
    const body = (await res.json()) as Partial<SnapshotBody>;
    return {
      revocations: (body.revocations ?? []).map((r) => ({
        sessionId: r.sessionId,
        expiresAt: Date.parse(r.expiresAt),
      })),
      deletedAccounts: body.deletedAccounts,
    };
  };
}
