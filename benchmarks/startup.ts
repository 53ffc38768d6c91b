// Part of `npm run bench`: `npm start` as a person runs it, cold (a fresh data directory:
// initdb, migrations, seed) and warm (the same directory again), timed to its "running" line.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findStablePort, npmStart, waitFor } from '../tests/helpers/npmStart.ts';
import { fixed, table } from './lib/report.ts';

async function timedStart(env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const run = npmStart(env);
  try {
    await waitFor(run, 'Grahvani graph is running', 240_000);
    return (performance.now() - started) / 1000;
  } finally {
    run.child.kill('SIGTERM');
    await run.exited;
  }
}

/** Returns the Markdown table of both timings. */
export async function runStartup(): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'grahvani-bench-start-'));
  // Started as root, the embedded PostgreSQL runs as `postgres`, which must enter it.
  await chmod(dataDir, 0o755);
  const taken: number[] = [];
  const port = async () => {
    const chosen = await findStablePort(taken);
    taken.push(chosen);
    return String(chosen);
  };
  const env = {
    DATA_DIR: dataDir,
    GATEWAY_PORT: await port(),
    AUTH_PORT: await port(),
    USERS_PORT: await port(),
    CLIENTS_PORT: await port(),
    EMBEDDED_PG_PORT: await port(),
    MAIL_DIR: path.join(dataDir, 'mail'),
  };
  try {
    const cold = await timedStart(env);
    console.log(`npm start cold: ${fixed(cold)} s`);
    const warm = await timedStart(env);
    console.log(`npm start warm: ${fixed(warm)} s`);
    return table(
      ['npm start', 'seconds to "running"'],
      [
        ['cold (fresh DATA_DIR: initdb, migrations, seed)', fixed(cold)],
        ['warm (same DATA_DIR)', fixed(warm)],
      ],
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
