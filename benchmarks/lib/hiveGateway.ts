// Hive Gateway (@graphql-hive/gateway) over the same supergraph and subgraphs, for comparison.
// Installed on first use into a cache folder outside the project (not a dependency of ours,
// so `npm install` stays lean); it forwards Authorization and sends our gateway proof.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GATEWAY_SECRET_HEADER } from '@grahvani/shared';
import { findFreePort } from '@grahvani/testkit/database';
import type { ServiceProcess } from '../../tests/helpers/serviceProcess.ts';
import { BENCH_CACHE_ROOT, BENCH_PATH } from './config.ts';

export const HIVE_GATEWAY_VERSION = '2.15.1';

/** Where it is installed: $GRAHVANI_BENCH_CACHE or ~/.cache/grahvani-bench. */
function cacheDir(): string {
  return path.join(BENCH_CACHE_ROOT, `hive-gateway-${HIVE_GATEWAY_VERSION}`);
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

/** The CLI's path, installing it first when missing. */
export async function ensureHiveGateway(): Promise<string> {
  const dir = cacheDir();
  const bin = path.join(dir, 'node_modules', '.bin', 'hive-gateway');
  if (existsSync(bin)) return bin;
  console.log(`installing @graphql-hive/gateway@${HIVE_GATEWAY_VERSION} into ${dir} (once)`);
  await mkdir(dir, { recursive: true });
  // The registry lacks a version some of its dependencies ask for: pinned as the project does.
  await writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'grahvani-bench-hive-gateway',
      private: true,
      overrides: { '@graphql-tools/delegate': '12.2.1' },
    }),
  );
  await run(
    'npm',
    [
      'install',
      '--prefix',
      dir,
      '--no-audit',
      '--no-fund',
      '--save-exact',
      `@graphql-hive/gateway@${HIVE_GATEWAY_VERSION}`,
    ],
    dir,
  );
  return bin;
}

/**
 * Starts Hive Gateway on a free port over `supergraphPath`. Nothing leaves 127.0.0.1: usage
 * reporting needs a Hive token and the supergraph comes from a file; its environment holds no
 * HIVE_* variable.
 */
export async function startHiveGateway(
  supergraphPath: string,
  gatewaySecret: string,
  nodeArgs: string[] = [],
): Promise<ServiceProcess> {
  const bin = await ensureHiveGateway();
  const dir = path.dirname(supergraphPath);
  const port = await findFreePort();
  await writeFile(
    path.join(dir, 'gateway.config.mjs'),
    `export const gatewayConfig = {
  logging: 'error',
  graphqlEndpoint: '/graphql',
  landingPage: false,
  graphiql: false,
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const headers = { ${JSON.stringify(GATEWAY_SECRET_HEADER)}: process.env.BENCH_GATEWAY_SECRET };
      const authorization = request.headers.get('authorization');
      if (authorization) headers.authorization = authorization;
      return headers;
    },
  },
};
`,
  );
  let output = '';
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      bin,
      'supergraph',
      supergraphPath,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--fork',
      '1',
    ],
    {
      cwd: dir,
      env: {
        PATH: BENCH_PATH,
        NODE_ENV: 'production',
        BENCH_GATEWAY_SECRET: gatewaySecret,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Hive Gateway exited during start:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Hive Gateway did not start:\n${output}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthcheck`, {
        signal: AbortSignal.timeout(1_000),
      });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, url, exited, output: () => output };
}
