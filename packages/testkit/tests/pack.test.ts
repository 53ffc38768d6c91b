// The kit as another repository gets it: packed with `npm run testkit:pack`, installed from
// the tarball into a fresh project outside this workspace (so nothing resolves from here),
// type-checked, and run there: the README's example test (signs in, creates a client and reads
// it back) must pass; another test fails without stopping its graph, which must leave nothing
// behind either.
import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packTestkit } from '../scripts/pack.ts';
import { integrationTestExample } from '../scripts/readmeSection.ts';
import { NOTHING_LEFT, settle, type GraphTrace } from './fixtures/leftovers.ts';

const run = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));
const REPO = path.resolve(here, '../../..');
const CONSUMER_FILES = ['forgets-stop.test.ts', 'tsconfig.json'];

interface VitestReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { failureMessages: string[] }[];
  }[];
}

describe('the packed kit', () => {
  it('runs an integration test in a project that has only the tarball', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'grahvani-testkit-consumer-'));
    // Its node_modules hold the PostgreSQL binaries, run as the `postgres` user under root.
    await chmod(work, 0o755);
    try {
      const tarball = await packTestkit(path.join(work, 'dist'));
      const project = path.join(work, 'project');
      await mkdir(project);
      await writeFile(
        path.join(project, 'package.json'),
        JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
      );
      const example = await integrationTestExample();
      expect(example.trimEnd().split('\n').length).toBeLessThan(20);
      await writeFile(path.join(project, 'client-book.test.ts'), example);
      for (const file of CONSUMER_FILES) {
        await copyFile(path.join(here, 'consumer', file), path.join(project, file));
      }
      const { version: vitest } = JSON.parse(
        await readFile(path.join(REPO, 'node_modules/vitest/package.json'), 'utf8'),
      ) as { version: string };
      // A clean environment: nothing of this vitest run (VITEST_*, NODE_OPTIONS) leaks in.
      const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
      const npmFlags = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
      await run('npm', ['install', ...npmFlags, tarball, `vitest@${vitest}`], {
        cwd: project,
        env,
      });

      const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc');
      const [typecheck, tests] = await Promise.all([
        run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, env }).then(
          () => 'typed',
          (err: { stdout?: string }) => err.stdout ?? String(err),
        ),
        run(
          process.execPath,
          ['node_modules/vitest/vitest.mjs', 'run', '--reporter=json', '--outputFile=report.json'],
          { cwd: project, env },
        ).then(
          () => 0,
          (err: { code?: number }) => err.code,
        ),
      ]);
      expect(typecheck).toBe('typed');
      const report = JSON.parse(
        await readFile(path.join(project, 'report.json'), 'utf8'),
      ) as VitestReport;
      const readmeTest = report.testResults.filter((r) => r.name.endsWith('client-book.test.ts'));
      const why = readmeTest.flatMap((r) => [
        r.message ?? '',
        ...r.assertionResults.flatMap((a) => a.failureMessages),
      ]);
      expect(why.filter(Boolean)).toEqual([]);
      const outcome = Object.fromEntries(
        report.testResults.map((r) => [path.basename(r.name), r.status]),
      );
      expect(outcome).toEqual({
        'client-book.test.ts': 'passed',
        'forgets-stop.test.ts': 'failed',
      });
      expect(tests).toBe(1);

      const forgotten = JSON.parse(
        await readFile(path.join(project, 'forgotten-graph.json'), 'utf8'),
      ) as GraphTrace;
      expect(await settle(forgotten)).toEqual(NOTHING_LEFT);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 420_000);
});
