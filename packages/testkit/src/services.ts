// Only the subgraphs a test is about, in this process, on a database that is already migrated:
// no gateway, and no auth service unless asked for. Requests go to a subgraph as the gateway
// sends them (with its proof); access tokens are minted with the signing key the services
// verify with, so a test of the clients subgraph needs neither the auth service nor a sign-up.
// Tests about the federated graph itself (composition, entities across subgraphs, the
// gateway's own behaviour) use startStack / startGraph instead.
import { randomUUID } from 'node:crypto';
import {
  createTokenVerifier,
  publicJwks,
  tokenConfig,
  type Logger,
  type Role,
  type TokenVerifier,
} from '@grahvani/shared';
import type { JWK } from 'jose';
import { createServer as createAuthServer } from '../../../subgraphs/auth/src/server.ts';
import { createTokenService } from '../../../subgraphs/auth/src/tokens.ts';
import { loadConfig as loadClientsConfig } from '../../../subgraphs/clients/src/config.ts';
import { createServer as createClientsServer } from '../../../subgraphs/clients/src/server.ts';
import { loadConfig as loadUsersConfig } from '../../../subgraphs/users/src/config.ts';
import { createServer as createUsersServer } from '../../../subgraphs/users/src/server.ts';
import {
  createGraphQLClient,
  typedRequest,
  type GraphQLClient,
  type GraphQLRequest,
} from './client.ts';
import type { DatabaseUrls } from './database.ts';
import { serviceSetup, type ServiceDbs, type SubgraphName } from './serviceSetup.ts';

export interface ServicesOptions {
  /** Where to connect: a migrated database (see `migrateTestDatabase`). */
  databaseUrls: Pick<DatabaseUrls, 'auth' | 'users' | 'clients'> & Partial<DatabaseUrls>;
  /** Where the auth service writes mail (when it is started); `env.MAIL_DIR` wins. */
  mailDir: string;
  /** Environment overrides for every service started (e.g. tighter limits). */
  env?: Record<string, string>;
  /** Every service's logger (default: one at LOG_LEVEL, silent unless the env says). */
  logger?: Logger;
  /** Sees every SQL statement a service sends (to count round trips). */
  onQuery?: (service: SubgraphName, sql: string) => void;
}

/** The claims of a minted access token; a fresh account id and session unless given. */
export interface TokenClaims {
  userId?: string;
  sessionId?: string;
  role?: Role;
  email?: string;
  name?: string | null;
}

/** An account known only by a minted token (the auth service never saw it). */
export interface MintedAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  /** Access token: `gql(query, variables, { token })`. */
  accessToken: string;
}

export interface Services {
  /** The started services' endpoints. */
  urls: Partial<Record<SubgraphName, string>>;
  /** A client of one started subgraph, sending the gateway's proof as the gateway does. */
  subgraph(name: SubgraphName): GraphQLClient & { graphql: GraphQLRequest };
  /** The header that proves a request comes from the gateway, for plain fetch calls. */
  gatewayProof: Record<string, string>;
  /** Each service's database (also of services not started: arranging data needs no server). */
  db: ServiceDbs;
  signingKeys: JWK[];
  /** Signs an access token as the auth service does (same key, issuer, audience and claims). */
  mintToken(claims?: TokenClaims): Promise<string>;
  /** A fresh account (unique id and email) with a minted token: no auth service involved. */
  mintAccount(claims?: Omit<TokenClaims, 'userId' | 'sessionId'>): Promise<MintedAccount>;
  /** Makes the account ACTIVE with `role`, directly in the auth database. */
  grantRole(userId: string, role: Role): Promise<void>;
  /** The environment the services were configured from. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts `names` (port 0 each) against the migrated database. With the auth service among
 * them, the others fetch its keys and follow its revocations as in production; without it,
 * they verify tokens with the public half of `signingKeys` and keep no revocation list.
 */
export async function startServices(
  names: SubgraphName[],
  options: ServicesOptions,
): Promise<Services> {
  const setup = await serviceSetup(options);
  const { env, db, logger, gatewayProof, signingKeys, authConfig, listen, close } = setup;
  const signer = await createTokenService(authConfig.tokens);
  const started: Partial<Record<SubgraphName, string>> = {};
  try {
    let verifier: TokenVerifier | undefined;
    if (names.includes('auth')) {
      started.auth = await listen(
        await createAuthServer({ db: db.auth, config: authConfig, logger }),
      );
      env.JWKS_URL = new URL('/.well-known/jwks.json', started.auth).toString();
    } else {
      verifier = createTokenVerifier({
        ...tokenConfig(env),
        keys: { jwks: publicJwks(signingKeys) },
      });
    }
    if (names.includes('users')) {
      const config = loadUsersConfig(env);
      started.users = await listen(
        await createUsersServer({ db: db.users, config, logger, verifier }),
      );
    }
    if (names.includes('clients')) {
      const config = loadClientsConfig(env);
      started.clients = await listen(
        await createClientsServer({ db: db.clients, config, logger, verifier }),
      );
    }
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
  const mintToken = async (claims: TokenClaims = {}) => {
    const { token } = await signer.signAccessToken({
      userId: claims.userId ?? randomUUID(),
      sessionId: claims.sessionId ?? randomUUID(),
      role: claims.role ?? 'USER',
      email: claims.email ?? `user-${randomUUID()}@example.com`,
      name: claims.name === undefined ? 'Test Astrologer' : claims.name,
    });
    return token;
  };
  return {
    urls: started,
    subgraph(name) {
      const url = started[name];
      if (!url) throw new Error(`the ${name} service was not started`);
      const client = createGraphQLClient(url, gatewayProof);
      return { ...client, graphql: typedRequest(client) };
    },
    gatewayProof,
    db,
    signingKeys,
    mintToken,
    async mintAccount(claims = {}) {
      const account = {
        id: randomUUID(),
        sessionId: randomUUID(),
        email: claims.email ?? `user-${randomUUID()}@example.com`,
        name: claims.name ?? 'Test Astrologer',
        role: claims.role ?? 'USER',
      };
      return { ...account, accessToken: await mintToken({ ...account, userId: account.id }) };
    },
    async grantRole(userId, role) {
      await db.auth.authUser.update({ where: { id: userId }, data: { role, status: 'ACTIVE' } });
    },
    env,
    close,
  };
}

/** One started subgraph: `gql`/`graphql` send to it with the gateway's proof. */
export interface SubgraphUnderTest extends Services, GraphQLClient {
  url: string;
  graphql: GraphQLRequest;
}

/** Starts one subgraph alone (see `startServices`); `gql` talks to it as the gateway would. */
export async function startSubgraph(
  name: SubgraphName,
  options: ServicesOptions,
): Promise<SubgraphUnderTest> {
  const services = await startServices([name], options);
  return { ...services, ...services.subgraph(name), url: services.urls[name] ?? '' };
}
