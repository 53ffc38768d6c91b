// `npm run bench -- --compiled`: the services run from source under tsx (as development does)
// against the same services built by `npm run build` (as production does), side by side in one
// run: start-up time and CPU to /health, resident memory after start-up and after the load, CPU
// per request under MyClientBook with distinct users. Variants alternate, each on its own fresh
// stack, so that the machine's load falls on all of them alike. "tsx, empty cache" is what a new
// container pays (tsx caches its transforms under the temporary directory, empty in a new pod).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAll } from '../scripts/build.ts';
import type { BenchArgs } from './lib/args.ts';
import { createBenchData, OPERATIONS } from './lib/fixtures.ts';
import { runLoad } from './lib/load.ts';
import { cpuBetween, cpuMs, memoryMiB, sampleCpu } from './lib/procStats.ts';
import { fixed, table } from './lib/report.ts';
import { startBenchStack, type Runner } from './lib/services.ts';

const PROCESSES = ['gateway', 'auth', 'users', 'clients'] as const;
const IDLE_MS = 3_000;
const VARIANTS = [
  { name: 'tsx, empty cache', runner: 'tsx', freshCache: true },
  { name: 'tsx, warm cache', runner: 'tsx', freshCache: false },
  { name: 'compiled', runner: 'compiled', freshCache: false },
] as const satisfies { name: string; runner: Runner; freshCache: boolean }[];

interface Figures {
  startSeconds: Record<string, number>;
  startCpuMs: Record<string, number>;
  rssStart: Record<string, number>;
  rssAfter: Record<string, number>;
  cpuPerRequest: Record<string, number>;
  requests: number;
}

async function measureVariant(variant: (typeof VARIANTS)[number], args: BenchArgs) {
  const cache = variant.freshCache
    ? await mkdtemp(path.join(tmpdir(), 'grahvani-bench-tsx-'))
    : undefined;
  const stack = await startBenchStack(cache ? { TMPDIR: cache } : {}, [], variant.runner);
  try {
    const pid = (name: string) => stack.groups.find((g) => g.name === name)?.pids()[0] ?? 0;
    const per = (read: (pid: number) => number) =>
      Object.fromEntries(PROCESSES.map((name) => [name, read(pid(name))]));
    const figures: Partial<Figures> = {
      startSeconds: stack.startSeconds,
      startCpuMs: per(cpuMs),
      rssStart: per((p) => memoryMiB(p).rss),
    };
    const data = await createBenchData(stack.gatewayUrl, stack.databaseUrls.clients, 10, 20);
    const operation = OPERATIONS[0]!;
    const perConnection = data.astrologers.map((a) => operation.requestOf(a, data));
    const load = (durationSeconds: number) =>
      runLoad({ url: stack.gatewayUrl, perConnection, connections: 10, durationSeconds });
    await load(1);
    const groups = stack.groups.filter((g) => g.name !== 'postgres');
    // What each process spends idle (timers, revocation polling) is measured first and taken
    // out: on a loaded machine few requests complete, and idle CPU would weigh on each of them.
    const idleBefore = sampleCpu(groups);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idle = cpuBetween(idleBefore, sampleCpu(groups));
    const before = sampleCpu(groups);
    const started = performance.now();
    const result = await load(args.durationSeconds);
    const elapsed = performance.now() - started;
    const spent = cpuBetween(before, sampleCpu(groups));
    if (result.errors) throw new Error(`${result.errors} errors under load (${variant.name})`);
    figures.requests = result.requests;
    figures.cpuPerRequest = Object.fromEntries(
      Object.entries(spent).map(([name, ms]) => [
        name,
        (ms - ((idle[name] ?? 0) * elapsed) / IDLE_MS) / result.requests,
      ]),
    );
    figures.rssAfter = per((p) => memoryMiB(p).rss);
    return figures as Figures;
  } finally {
    await stack.close();
    if (cache) await rm(cache, { recursive: true, force: true });
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Runs `rounds` rounds of every variant; returns the Markdown tables. */
export async function runCompiledBench(args: BenchArgs, rounds = 2): Promise<string> {
  await buildAll();
  const results = new Map<string, Figures[]>(VARIANTS.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round++) {
    // Alternate the order so that neither variant always runs first.
    const order = round % 2 ? [...VARIANTS].reverse() : VARIANTS;
    for (const variant of order) {
      const figures = await measureVariant(variant, args);
      results.get(variant.name)!.push(figures);
      console.log(`${variant.name}: ${JSON.stringify(figures)}`);
    }
  }
  const row = (
    label: string,
    pick: (f: Figures) => Record<string, number>,
    digits: number,
  ): (string | number)[][] =>
    PROCESSES.map((name) => [
      label,
      name,
      ...VARIANTS.map((v) => fixed(mean(results.get(v.name)!.map((f) => pick(f)[name]!)), digits)),
      fixed(
        mean(results.get('compiled')!.map((f) => pick(f)[name]!)) /
          mean(results.get('tsx, warm cache')!.map((f) => pick(f)[name]!)),
        2,
      ),
    ]);
  const requests = VARIANTS.map(
    (v) => `${v.name} ${mean(results.get(v.name)!.map((f) => f.requests))}`,
  );
  return [
    `Mean of ${rounds} rounds per variant, each on a fresh stack; load: MyClientBook(first: 20), ` +
      `10 connections with distinct users, ${args.durationSeconds} s after a 1 s warm-up ` +
      `(requests per run: ${requests.join(', ')}).`,
    '',
    table(
      ['figure', 'process', ...VARIANTS.map((v) => v.name), 'compiled / tsx warm'],
      [
        ...row('seconds to /health', (f) => f.startSeconds, 2),
        ...row('CPU ms to /health', (f) => f.startCpuMs, 0),
        ...row('RSS MiB after start', (f) => f.rssStart, 1),
        ...row('RSS MiB after load', (f) => f.rssAfter, 1),
        ...row('CPU ms per request (idle CPU taken out)', (f) => f.cpuPerRequest, 2),
      ],
    ),
  ].join('\n');
}
