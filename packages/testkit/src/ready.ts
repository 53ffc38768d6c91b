/**
 * Resolves once a service's first database health check (a `SELECT 1` sent at start) has
 * finished: its GET /ready beside the GraphQL `url` answers only then. Tests that count the
 * statements a request sends wait for it, or the check could land inside a measured request
 * (it did on a loaded CI machine). The status does not matter: a test may start a service
 * that is not ready.
 */
export async function afterFirstHealthCheck(url: string): Promise<void> {
  const res = await fetch(new URL('/ready', url));
  await res.body?.cancel();
}
