// A revoked session's access token is refused within one second on every gateway and subgraph
// replica (fed by LISTEN/NOTIFY, no database query per request), including replicas started
// after the revocation (they load the current revocations at start).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type HttpService } from '@grahvani/shared';
import { loadConfig as loadGatewayConfig } from '../gateway/src/config.ts';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { createGateway } from '../gateway/src/server.ts';
import { loadConfig as loadClientsConfig } from '../subgraphs/clients/src/config.ts';
import { createDb as createClientsDb } from '../subgraphs/clients/src/db.ts';
import { createServer as createClientsServer } from '../subgraphs/clients/src/server.ts';
import { loadConfig as loadUsersConfig } from '../subgraphs/users/src/config.ts';
import { createDb as createUsersDb } from '../subgraphs/users/src/db.ts';
import { createServer as createUsersServer } from '../subgraphs/users/src/server.ts';
import { registerAccount } from './fixtures/accounts.ts';
import { createGraphQLClient, tokenOutcome, type GraphQLClient } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const logger = createLogger('replica', 'silent');

describe('revocation across replicas', () => {
  let stack: Stack;
  const cleanups: (() => Promise<void>)[] = [];
  const gateways = new Set<GraphQLClient>();

  beforeAll(async () => {
    stack = await startStack();
    gateways.add(stack);
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await stack?.close();
  });

  /** Another gateway process, built the way production builds it (default verifier). */
  const gatewayReplica = async (): Promise<GraphQLClient> => {
    const { supergraphSdl } = composeSupergraph(stack.subgraphUrls);
    const config = loadGatewayConfig({
      ...stack.env,
      AUTH_SUBGRAPH_URL: stack.subgraphUrls.auth,
      USERS_SUBGRAPH_URL: stack.subgraphUrls.users,
      CLIENTS_SUBGRAPH_URL: stack.subgraphUrls.clients,
    });
    const service = await createGateway({ config, logger, supergraphSdl });
    const client = await listen(service);
    gateways.add(client);
    return client;
  };
  const usersReplica = async (): Promise<GraphQLClient> => {
    const config = loadUsersConfig(stack.env);
    const db = createUsersDb(config.databaseUrl, { max: 2 });
    cleanups.push(() => db.$disconnect());
    return listen(await createUsersServer({ db, config, logger }));
  };
  const clientsReplica = async (): Promise<GraphQLClient> => {
    const config = loadClientsConfig(stack.env);
    const db = createClientsDb(config.databaseUrl, { max: 2 });
    cleanups.push(() => db.$disconnect());
    return listen(await createClientsServer({ db, config, logger }));
  };
  const listen = async (service: HttpService) => {
    const url = await service.listen(0);
    cleanups.push(() => service.close());
    // Subgraph replicas answer only the gateway (the gateway itself ignores the header).
    return createGraphQLClient(url, stack.gatewayProof);
  };

  const codes = async (client: GraphQLClient, token: string) =>
    tokenOutcome(await client.gql('{ __typename }', {}, { token }));
  /** A gateway ignores a revoked token (runs anonymous); a subgraph refuses it. */
  const refusal = (client: GraphQLClient) =>
    gateways.has(client) ? ['TOKEN_IGNORED'] : ['UNAUTHENTICATED'];
  /** Milliseconds until every target refuses the token (fails past one second). */
  const refusedWithin = async (targets: GraphQLClient[], token: string) => {
    const started = performance.now();
    for (const target of targets) {
      await expect
        .poll(() => codes(target, token), { timeout: 1_000, interval: 25 })
        .toEqual(refusal(target));
    }
    return performance.now() - started;
  };

  it('refuses a logged-out token within a second at gateways and subgraphs, old and new', async () => {
    const secondGateway = await gatewayReplica();
    const secondUsers = await usersReplica();
    const running = [
      stack,
      secondGateway,
      stack.subgraph('auth'),
      stack.subgraph('users'),
      secondUsers,
      stack.subgraph('clients'),
    ];
    const account = await registerAccount(stack);
    for (const target of running) expect(await codes(target, account.accessToken)).toEqual([]);

    const logout = await stack.gql('mutation { logout }', {}, { token: account.accessToken });
    expect(logout.errors).toBeUndefined();
    expect(await refusedWithin(running, account.accessToken)).toBeLessThan(1_000);

    // Replicas started after the revocation know it from their first request.
    const late = [await gatewayReplica(), await usersReplica(), await clientsReplica()];
    for (const target of late) {
      expect(await codes(target, account.accessToken)).toEqual(refusal(target));
    }
  });

  it('revokes every session of logoutAll on every replica, and nobody else', async () => {
    const replica = await gatewayReplica();
    const account = await registerAccount(stack);
    const bystander = await registerAccount(stack);
    const res = await stack.gql('mutation { logoutAll }', {}, { token: account.accessToken });
    expect(res.errors).toBeUndefined();
    const targets = [stack, replica, stack.subgraph('clients')];
    expect(await refusedWithin(targets, account.accessToken)).toBeLessThan(1_000);
    for (const target of targets) expect(await codes(target, bystander.accessToken)).toEqual([]);
  });

  it('serves the current revocations to starting replicas at GET /revocations', async () => {
    const account = await registerAccount(stack);
    await stack.gql('mutation { logout }', {}, { token: account.accessToken });
    const session = await stack.db.auth.authSession.findFirstOrThrow({
      where: { userId: account.id },
    });
    const res = await fetch(new URL('/revocations', stack.subgraphUrls.auth), {
      headers: stack.gatewayProof,
    });
    const body = (await res.json()) as { revocations: { sessionId: string; expiresAt: string }[] };
    const entry = body.revocations.find((r) => r.sessionId === session.id);
    expect(entry).toBeDefined();
    expect(Date.parse(entry!.expiresAt)).toBeGreaterThan(Date.now() + 15 * 60_000);
  });
});
