// `npm run bench -- --compiled`: the services run from source under tsx (as development does)
// against the same services built by `npm run build` (as production does), side by side in one
// run: start-up time and CPU to /health, resident memory after start-up and after the load, CPU
// per request under MyClientBook with distinct users. Variants alternate, each on its own fresh
// stack, so that the machine's load falls on all of them alike. "tsx, empty cache" is what a new
// container pays (tsx caches its transforms under the temporary directory, empty in a new pod).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { buildAll } from '../scripts/build.ts';
import { createBenchData, OPERATIONS } from './lib/fixtures.ts';
import type { ConnectionRequest } from './lib/load.ts';
import { cpuBetween, cpuMs, memoryMiB, sampleCpu } from './lib/procStats.ts';
import { fixed, table } from './lib/report.ts';
import { startBenchStack, type Runner } from './lib/services.ts';

const PROCESSES = ['gateway', 'auth', 'users', 'clients'] as const;
const IDLE_MS = 3_000;
const WARM_UP = 20;
const REQUESTS = 60;
const WORKERS = 2;

/** Sends `count` of `requests` (in turn) by WORKERS sequential workers; fails on any error. */
async function send(url: string, requests: ConnectionRequest[], count: number) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const { body, authorization } = requests[next++ % requests.length]!;
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body,
      });
      const json = (await res.json()) as { errors?: unknown };
      if (!res.ok || json.errors) throw new Error(`request failed: ${JSON.stringify(json)}`);
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
}
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
}

async function measureVariant(variant: (typeof VARIANTS)[number]) {
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
    const requests = data.astrologers.map((a) => operation.requestOf(a, data));
    const groups = stack.groups.filter((g) => g.name !== 'postgres');
    // What each process spends idle (timers, revocation polling) is measured first and taken
    // out below; then a warm-up, then a fixed number of requests, each awaited, by two
    // workers: CPU is read when nothing is in flight, so no backlog of a loaded machine's
    // slow answers falls into (or out of) the measured window.
    await delay(1_000);
    const idleBefore = sampleCpu(groups);
    await delay(IDLE_MS);
    const idle = cpuBetween(idleBefore, sampleCpu(groups));
    await send(stack.gatewayUrl, requests, WARM_UP);
    const before = sampleCpu(groups);
    const started = performance.now();
    await send(stack.gatewayUrl, requests, REQUESTS);
    const elapsed = performance.now() - started;
    const spent = cpuBetween(before, sampleCpu(groups));
    figures.cpuPerRequest = Object.fromEntries(
      Object.entries(spent).map(([name, ms]) => [
        name,
        (ms - ((idle[name] ?? 0) * elapsed) / IDLE_MS) / REQUESTS,
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
export async function runCompiledBench(rounds = 2): Promise<string> {
  await buildAll();
  const results = new Map<string, Figures[]>(VARIANTS.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round++) {
    // Alternate the order so that neither variant always runs first.
    const order = round % 2 ? [...VARIANTS].reverse() : VARIANTS;
    for (const variant of order) {
      const figures = await measureVariant(variant);
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
  return [
    `Mean of ${rounds} rounds per variant, each on a fresh stack. CPU per request: ` +
      `MyClientBook(first: 20) with distinct users, ${REQUESTS} requests by ${WORKERS} sequential ` +
      `workers after ${WARM_UP} of warm-up, less each process's idle CPU over the same time ` +
      `(measured for ${IDLE_MS / 1000} s before).`,
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
