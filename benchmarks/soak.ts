// `npm run bench -- --soak [--soak-minutes=10]`: our gateway under steady load of the contract's
// operations, in turn, for the soak's length. Two questions, answered separately:
// - Does its RSS grow? RSS is sampled every second; V8 lets the heap swell between major
//   collections by tens of percent, so one sample says little. After the warm-up, the soak's
//   last round (one step of every operation) is compared with its first, the same operations
//   at the same rate: the highest RSS (where V8 collects), the median and the lowest. A leak
//   raises all three; a heap that swells and shrinks with collections moves only the median.
// - Does it leak? The live heap (used after a full garbage collection, read through the
//   gateway's inspector) after the warm-up and at the end.
import { findFreePort } from '@grahvani/testkit/database';
import type { BenchArgs } from './lib/args.ts';
import { createBenchData, OPERATIONS } from './lib/fixtures.ts';
import { liveHeapBytes } from './lib/inspector.ts';
import { runLoad } from './lib/load.ts';
import { memoryMiB } from './lib/procStats.ts';
import { fixed, median, table } from './lib/report.ts';
import { startBenchStack } from './lib/services.ts';

const STEP_SECONDS = 30;
/** One step per operation: the warm-up has run every code path once, at full rate. */
const WARM_UP_STEPS = OPERATIONS.length;

const mib = (bytes: number) => fixed(bytes / 1024 / 1024);
const percent = (from: number, to: number) => fixed(((to - from) / from) * 100);

export async function runSoak(args: BenchArgs): Promise<string> {
  const inspector = await findFreePort();
  const stack = await startBenchStack({}, [], 'tsx', [`--inspect=127.0.0.1:${inspector}`]);
  try {
    const data = await createBenchData(
      stack.gatewayUrl,
      stack.databaseUrls.clients,
      args.connections,
      20,
    );
    let step = 0;
    let requests = 0;
    let errors = 0;
    /** One step: the next operation for STEP_SECONDS, RSS sampled every second. */
    const load = async () => {
      // The operations in turn, distinct users: every code path of a normal day.
      const operation = OPERATIONS[step++ % OPERATIONS.length]!;
      const rss: number[] = [];
      const sampler = setInterval(() => rss.push(memoryMiB(stack.gatewayPid).rss), 1_000);
      try {
        const result = await runLoad({
          url: stack.gatewayUrl,
          perConnection: data.astrologers.map((a) => operation.requestOf(a, data)),
          connections: args.connections,
          durationSeconds: STEP_SECONDS,
        });
        requests += result.requests;
        errors += result.errors;
      } finally {
        clearInterval(sampler);
      }
      return { operation: operation.name, rss };
    };
    for (let i = 0; i < WARM_UP_STEPS; i++) await load();
    const heapBefore = await liveHeapBytes(inspector);
    console.log(`after warm-up: gateway live heap ${mib(heapBefore)} MiB`);
    // The reading's full collection shrinks the heap: a second round lets it grow back before
    // the RSS is compared, so the first measured round does not start below its usual floor.
    for (let i = 0; i < WARM_UP_STEPS; i++) await load();
    requests = 0;
    errors = 0;
    const rows: (string | number)[][] = [];
    const rounds: number[][] = [];
    const steps = Math.max(2 * WARM_UP_STEPS, Math.round((args.soakMinutes * 60) / STEP_SECONDS));
    for (let i = 1; i <= steps; i++) {
      const { operation, rss } = await load();
      rounds.push(rss);
      const [low, mid, high] = [Math.min(...rss), median(rss), Math.max(...rss)];
      rows.push([i * STEP_SECONDS, operation, fixed(low), fixed(mid), fixed(high)]);
      console.log(`${i * STEP_SECONDS} s ${operation}: RSS ${fixed(low)}-${fixed(high)} MiB`);
    }
    // A round: one step of every operation. The first round of the soak against its last.
    const first = rounds.slice(0, WARM_UP_STEPS).flat();
    const last = rounds.slice(-WARM_UP_STEPS).flat();
    const compare = (label: string, of: (samples: number[]) => number) =>
      `${label} ${fixed(of(first))} → ${fixed(of(last))} MiB (**${percent(of(first), of(last))} %**)`;
    const heapAfter = await liveHeapBytes(inspector);
    return [
      `${args.soakMinutes} min of load after a warm-up of two rounds of one ${STEP_SECONDS} s step per operation ` +
        `(${2 * WARM_UP_STEPS * STEP_SECONDS} s), ${args.connections} connections, the operations in turn ` +
        `every ${STEP_SECONDS} s; ${requests} requests after the warm-up, ${errors} errors.`,
      '',
      `Gateway RSS (sampled every second), the soak's first round of every operation against its ` +
        `last (target: growth < 10 %): ` +
        [
          compare('high', (v) => Math.max(...v)),
          compare('median', median),
          compare('low', (v) => Math.min(...v)),
        ].join(', ') +
        `; peak of the whole run ${fixed(memoryMiB(stack.gatewayPid).peak)} MiB.`,
      '',
      `Live heap (V8's used heap after a full collection): ${mib(heapBefore)} MiB after the ` +
        `warm-up, ${mib(heapAfter)} MiB at the end (**${percent(heapBefore, heapAfter)} %**).`,
      '',
      table(
        ['seconds after warm-up', 'operation', 'RSS low MiB', 'median', 'high'],
        rows.map((row) => row.map(String)),
      ),
    ].join('\n');
  } finally {
    await stack.close();
  }
}
