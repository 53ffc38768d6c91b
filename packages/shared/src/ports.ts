/**
 * The one place that says where each service listens by default, and so where the others find
 * it on one machine: every config loader, the composed supergraph, `npm start` and the README
 * take their defaults from here (each can be overridden by its environment variable).
 */
export const DEFAULT_PORTS = { gateway: 4000, auth: 4001, users: 4002, clients: 4003 } as const;

export type ServiceName = keyof typeof DEFAULT_PORTS;

/** `http://127.0.0.1:<port><path>`: a service on this machine. */
export function localServiceUrl(port: number, path: string): string {
  return `http://127.0.0.1:${port}${path}`;
}

/** The GraphQL endpoint of a subgraph on its default port on this machine. */
export function defaultSubgraphUrl(name: Exclude<ServiceName, 'gateway'>): string {
  return localServiceUrl(DEFAULT_PORTS[name], '/graphql');
}

/** The auth service's JWKS, at `port` (by default its default port) on this machine. */
export function localJwksUrl(port: number = DEFAULT_PORTS.auth): string {
  return localServiceUrl(port, '/.well-known/jwks.json');
}
