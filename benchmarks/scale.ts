// `npm run bench -- --scale [--quick] [--rounds N] [--big N] [--tenants N] [--per-tenant N]`:
// does a big book cost what a small one does? Every list operation of the contract, timed at
// 20 rows and at 20,000 (interleaved, median of N), deep pages (page 50 of 100) against the
// first, and 200 tenants of 1,000 clients against the 20-client tenant. Clients are built
// through the real import path, on a throwaway embedded PostgreSQL removed at the end.
// --quick shrinks everything (5,000 rows, 20 tenants of 250) for a run of a couple of minutes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBenchDatabase } from './lib/database.ts';
import { accountWithRole } from '../tests/fixtures/admins.ts';
import { startStack } from '../tests/helpers/stack.ts';
import { buildBook, buildTenants, type Book } from './scaleData.ts';
import { deepPages, listRows, tenantRows, timeAuthUsers } from './scaleScenario.ts';
import { printTable } from './scaleTiming.ts';

export interface ScaleOptions {
  rounds: number;
  big: number;
  small: number;
  tenants: number;
  perTenant: number;
}

function parseOptions(argv: readonly string[]): ScaleOptions {
  const quick = argv.includes('--quick');
  const value = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer`);
    return n;
  };
  return {
    rounds: value('--rounds', quick ? 9 : 15),
    big: value('--big', quick ? 5_000 : 20_000),
    small: 20,
    tenants: value('--tenants', quick ? 20 : 200),
    perTenant: value('--per-tenant', quick ? 250 : 1_000),
  };
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Runs the scale benchmark; resolves to the process exit code. */
export async function runScaleBench(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  const { server, owner, databaseUrls } = await startBenchDatabase();
  const mailDir = await mkdtemp(path.join(tmpdir(), 'grahvani-bench-mail-'));
  try {
    // Bigger import chunks and more imports at once: the same import path, built sooner.
    const env = {
      MAIL_DIR: mailDir,
      CLIENT_IMPORT_CHUNK_ROWS: '1000',
      CLIENT_IMPORT_MAX_CONCURRENT: '4',
    };
    const stack = await startStack({ databaseUrls, env });
    try {
      const started = performance.now();
      const adminAccount = await accountWithRole(stack, 'ADMIN');
      const adminToken = adminAccount.accessToken;
      const small = await buildBook(stack, owner, options.small, 'small');
      // AuthUsers lists every account: timed before the big book adds its followers' accounts.
      const authUsersSmall = await timeAuthUsers(stack, adminToken, options.rounds);
      const big = await buildBook(stack, owner, options.big, 'big');
      const authUsersBig = await timeAuthUsers(stack, adminToken, options.rounds);
      console.log(`built books of ${options.small} and ${options.big} in ${seconds(started)}`);
      console.log(`rounds per figure: ${options.rounds} (median, small and big interleaved)`);
      printTable(
        `List operations: ${options.small} vs ${options.big} rows`,
        [`${options.small} rows`, `${options.big} rows`],
        await listRows(
          stack,
          { small, big },
          { small: authUsersSmall, big: authUsersBig },
          options.rounds,
        ),
      );
      printTable(
        `Deep pages: page 50 of 100 vs page 1 (${options.big} rows)`,
        ['page 1', 'page 50'],
        await deepPages(stack, big, adminToken, options.rounds),
      );
      const tenantsStarted = performance.now();
      const tenant: Book = await buildTenants(stack, owner, options);
      console.log(
        `\nbuilt ${options.tenants} tenants of ${options.perTenant} clients in ${seconds(tenantsStarted)}`,
      );
      printTable(
        `${options.tenants} tenants of ${options.perTenant}: one of them vs the ${options.small}-client tenant`,
        [
          `${options.small} clients`,
          `${options.perTenant} of ${options.tenants * options.perTenant}`,
        ],
        await tenantRows(stack, small, tenant, options.rounds),
      );
      console.log(`\ntotal ${seconds(started)}`);
      return 0;
    } finally {
      await stack.close();
    }
  } finally {
    await server.stop();
    await rm(mailDir, { recursive: true, force: true });
  }
}
