// `npm start` under a supervisor (systemd, a container, a test runner): SIGTERM to the npm
// process it started, or that process dying outright, must leave nothing running.
import { rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  npmRunStart,
  npmStart,
  portOpen,
  startEnvironment,
  waitFor,
  type Run,
} from './helpers/npmStart.ts';
import { alive, descendants } from './helpers/processTree.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('npm start under a supervisor', { timeout: 180_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  let ports: number[];
  let leftovers: number[] = [];

  beforeAll(async () => {
    ({ dataDir, env, ports } = await startEnvironment('grahvani-signals-'));
  });
  afterEach(() => {
    // A failed test must not leave its graph to the next one.
    for (const pid of alive(leftovers)) process.kill(pid, 'SIGKILL');
    leftovers = [];
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  async function started(run = npmRunStart(env)): Promise<{ run: Run; pids: number[] }> {
    await waitFor(run, 'Grahvani graph is running');
    const pids = descendants(run.child.pid ?? -1);
    leftovers = pids;
    // The script npm runs, four services, PostgreSQL and its workers.
    expect(pids.length).toBeGreaterThanOrEqual(7);
    for (const port of ports) expect(await portOpen(port)).toBe(true);
    return { run, pids };
  }

  async function expectAllGone(pids: number[]) {
    const openPorts = async () =>
      (await Promise.all(ports.map(async (port) => ((await portOpen(port)) ? [port] : [])))).flat();
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (alive(pids).length || (await openPorts()).length)) {
      await sleep(200);
    }
    expect(alive(pids)).toEqual([]);
    expect(await openPorts()).toEqual([]);
  }

  it('SIGTERM to npm stops the script, the four services and PostgreSQL', async () => {
    const { run, pids } = await started();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await expectAllGone(pids);
  });

  it('stops everything when npm dies without passing anything on (SIGKILL)', async () => {
    const { run, pids } = await started();
    run.child.kill('SIGKILL');
    await run.exited;
    await expectAllGone(pids);
  });

  it('stops quietly on Ctrl-C, after a start without connection refusals or deprecations', async () => {
    const { run, pids } = await started(npmStart(env, { ownGroup: true }));
    // Auth starts first, so nobody's snapshot is refused; no deprecated Apollo option is used.
    expect(run.output()).not.toMatch(/ECONNREFUSED|deprecated/i);
    // Ctrl-C: the terminal signals every process of the job at once, PostgreSQL included.
    process.kill(-(run.child.pid ?? 0), 'SIGINT');
    expect(await run.exited).toBe(0);
    await expectAllGone(pids);
    expect(run.output()).not.toMatch(/failed|ECONNREFUSED|error/i);
  });
});
