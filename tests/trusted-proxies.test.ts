// TRUSTED_PROXIES decides whose X-Forwarded-For counts, at the gateway and at every subgraph:
// from an untrusted peer the gateway replaces the header with the peer's address (never
// extends it), and a subgraph ignores it; from a trusted peer the chain is kept and the peer
// appended. Observed where it matters: the address the auth service records for a login.
import { createLogger, type HttpService } from '@grahvani/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { loadConfig as loadGatewayConfig } from '../gateway/src/config.ts';
import { createGateway } from '../gateway/src/server.ts';
import { loadConfig as loadAuthConfig } from '../subgraphs/auth/src/config.ts';
import { createServer as createAuthServer } from '../subgraphs/auth/src/server.ts';
import { registerAccount } from './fixtures/accounts.ts';
import { createGraphQLClient, type GraphQLClient } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const LOGIN = /* GraphQL */ `
  mutation ($input: LoginInput!) {
    login(input: $input) {
      accessToken
    }
  }
`;

/** Logs in through `client` sending `forwarded` as X-Forwarded-For; the addresses recorded. */
async function recordedAddress(stack: Stack, client: GraphQLClient, forwarded: string) {
  const account = await registerAccount(stack);
  const res = await client.gql(
    LOGIN,
    { input: { email: account.email, password: account.password } },
    { headers: { 'x-forwarded-for': forwarded } },
  );
  expect(res.errors).toBeUndefined();
  const attempt = await stack.db.auth.authLoginAttempt.findFirstOrThrow({
    where: { email: account.email },
  });
  const session = await stack.db.auth.authSession.findFirstOrThrow({
    where: { userId: account.id },
    orderBy: { createdAt: 'desc' },
  });
  expect(session.ipAddress).toBe(attempt.ipAddress);
  return attempt.ipAddress;
}

const logger = createLogger('trusted-proxies', 'silent');
// Loopback (where every test client and service is) is not among these.
const ELSEWHERE = '192.0.2.1, 10.0.0.0/8';

let stack: Stack;
const services: HttpService[] = [];
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  for (const service of services) await service.close();
  await stack?.close();
});

/** Another gateway over the stack's subgraphs (which trust loopback), with its own list. */
async function gatewayTrusting(trusted: string): Promise<GraphQLClient> {
  const config = loadGatewayConfig({
    ...stack.env,
    TRUSTED_PROXIES: trusted,
    AUTH_SUBGRAPH_URL: stack.subgraphUrls.auth,
    USERS_SUBGRAPH_URL: stack.subgraphUrls.users,
    CLIENTS_SUBGRAPH_URL: stack.subgraphUrls.clients,
  });
  const { supergraphSdl } = composeSupergraph(stack.subgraphUrls);
  const gateway = await createGateway({ config, logger, supergraphSdl });
  services.push(gateway);
  return createGraphQLClient(await gateway.listen(0));
}

/** Another auth subgraph on the stack's database, with its own list. */
async function authTrusting(trusted: string): Promise<GraphQLClient> {
  const config = await loadAuthConfig({ ...stack.env, TRUSTED_PROXIES: trusted });
  const auth = await createAuthServer({ db: stack.db.auth, config, logger });
  services.push(auth);
  return createGraphQLClient(await auth.listen(0), stack.gatewayProof);
}

describe('the gateway', () => {
  it('keeps the chain from a trusted peer, appending the peer (the default: loopback)', async () => {
    expect(await recordedAddress(stack, stack, '203.0.113.8')).toBe('203.0.113.8');
    // The auth service takes the nearest untrusted address of the chain.
    expect(await recordedAddress(stack, stack, '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
  });

  it('replaces, not extends, an X-Forwarded-For from an untrusted peer', async () => {
    // The auth subgraph trusts the gateway here: only the gateway can drop the spoofed address.
    const gateway = await gatewayTrusting(ELSEWHERE);
    expect(await recordedAddress(stack, gateway, '203.0.113.7')).toBe('127.0.0.1');
  });
});

describe('a subgraph', () => {
  it('takes the forwarded address from a trusted peer', async () => {
    const auth = stack.subgraph('auth');
    expect(await recordedAddress(stack, auth, '203.0.113.10')).toBe('203.0.113.10');
  });

  it('ignores an X-Forwarded-For from an untrusted peer', async () => {
    const auth = await authTrusting(ELSEWHERE);
    expect(await recordedAddress(stack, auth, '203.0.113.11')).toBe('127.0.0.1');
  });
});
