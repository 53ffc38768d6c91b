// `npm run bench -- --soak [--soak-minutes=10]`: our gateway under steady load of the contract's
// operations for the soak's length; its RSS after a warm-up and then every 30 s. Growth beyond
// a few percent after warm-up points at a leak.
import type { BenchArgs } from './lib/args.ts';
import { createBenchData, OPERATIONS } from './lib/fixtures.ts';
import { runLoad } from './lib/load.ts';
import { memoryMiB } from './lib/procStats.ts';
import { fixed, table } from './lib/report.ts';
import { startBenchStack } from './lib/services.ts';

const WARM_UP_SECONDS = 60;
const STEP_SECONDS = 30;

export async function runSoak(args: BenchArgs): Promise<string> {
  const stack = await startBenchStack();
  try {
    const data = await createBenchData(
      stack.gatewayUrl,
      stack.databaseUrls.clients,
      args.connections,
      20,
    );
    let step = 0;
    const load = (seconds: number) => {
      // The operations in turn, distinct users: every code path of a normal day.
      const operation = OPERATIONS[step++ % OPERATIONS.length]!;
      return runLoad({
        url: stack.gatewayUrl,
        perConnection: data.astrologers.map((a) => operation.requestOf(a, data)),
        connections: args.connections,
        durationSeconds: seconds,
      });
    };
    for (let s = 0; s < WARM_UP_SECONDS; s += STEP_SECONDS) await load(STEP_SECONDS);
    const start = memoryMiB(stack.gatewayPid).rss;
    console.log(`gateway RSS after ${WARM_UP_SECONDS} s warm-up: ${fixed(start)} MiB`);
    const samples: [number, number, number][] = [];
    let requests = 0;
    let errors = 0;
    const steps = Math.max(1, Math.round((args.soakMinutes * 60) / STEP_SECONDS));
    for (let i = 1; i <= steps; i++) {
      const result = await load(STEP_SECONDS);
      requests += result.requests;
      errors += result.errors;
      const rss = memoryMiB(stack.gatewayPid).rss;
      samples.push([i * STEP_SECONDS, rss, ((rss - start) / start) * 100]);
      console.log(
        `${i * STEP_SECONDS} s: gateway RSS ${fixed(rss)} MiB (${fixed(((rss - start) / start) * 100)} %)`,
      );
    }
    const end = samples.at(-1)?.[1] ?? start;
    return [
      `${args.soakMinutes} min of load after a ${WARM_UP_SECONDS} s warm-up, ${args.connections} connections, ` +
        `operations in turn every ${STEP_SECONDS} s; ${requests} requests, ${errors} errors.`,
      '',
      `Gateway RSS: ${fixed(start)} MiB after warm-up, ${fixed(end)} MiB at the end: ` +
        `**${fixed(((end - start) / start) * 100)} %** growth (target < 10 %); ` +
        `peak ${fixed(memoryMiB(stack.gatewayPid).peak)} MiB.`,
      '',
      table(
        ['seconds after warm-up', 'RSS MiB', 'growth %'],
        samples.map(([t, rss, growth]) => [t, fixed(rss), fixed(growth)]),
      ),
    ].join('\n');
  } finally {
    await stack.close();
  }
}
