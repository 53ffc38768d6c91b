// `npm run bench [-- flags]`: the benchmark's entry point. Without a mode flag: our gateway
// and Hive Gateway side by side (compare.ts), `npm start` cold and warm (startup.ts) and the
// in-process batching figures (batching.ts), printed and recorded in BENCHMARKS.md. Options:
// see lib/args.ts. Absolute figures vary by machine and load: compare within one run.
import { parseArgs, type BenchArgs } from './lib/args.ts';
import { provenance, recordSection } from './lib/report.ts';

const argv = process.argv.slice(2);
const args = parseArgs(argv);

/** Modes other than the default run, by flag: each records its own section. */
const MODES: Record<string, (args: BenchArgs) => Promise<void>> = {
  // Issue 16: a big client book against a small one; prints its tables (see scale.ts).
  '--scale': async () => {
    const { runScaleBench } = await import('./scale.ts');
    process.exitCode = await runScaleBench(argv);
  },
  // Issue 11: services under tsx against the same services built by `npm run build`.
  '--compiled': async (options) => {
    const { runCompiledBench } = await import('./compiled.ts');
    const figures = await runCompiledBench();
    console.log(figures);
    if (!options.flags.has('--no-write')) {
      recordSection('compiled', `## tsx or compiled\n\n${provenance(argv)}\n\n${figures}`);
    }
  },
  // Issue 11: Prisma's query layer against $queryRaw on the hottest subgraph read.
  '--raw-sql': async (options) => {
    const { runRawSqlBench } = await import('./rawSql.ts');
    const figures = await runRawSqlBench();
    console.log(figures);
    if (!options.flags.has('--no-write')) {
      recordSection('raw-sql', `## Prisma or raw SQL\n\n${provenance(argv)}\n\n${figures}`);
    }
  },
  '--soak': async (options) => {
    const { runSoak } = await import('./soak.ts');
    const soak = await runSoak(options);
    if (options.flags.has('--no-write')) console.log(soak);
    else recordSection('soak', `## Soak\n\n${provenance(argv)}\n\n${soak}`);
  },
};

async function defaultRun(options: BenchArgs) {
  const { runComparison } = await import('./compare.ts');
  const comparison = await runComparison(options);
  const sections = [`## Gateways side by side\n\n${provenance(argv)}\n\n${comparison}`];
  if (!options.flags.has('--no-start')) {
    const { runStartup } = await import('./startup.ts');
    sections.push(`## npm start\n\n${await runStartup()}`);
  }
  if (!options.flags.has('--no-batching')) {
    const { runBatching } = await import('./batching.ts');
    sections.push(
      `## Batching and gateway overhead (in-process, sequential)\n\n${await runBatching()}`,
    );
  }
  if (options.flags.has('--no-write')) console.log(sections.join('\n\n'));
  else recordSection('run', sections.join('\n\n'));
}

const mode = Object.keys(MODES).find((flag) => args.flags.has(flag));
await (mode ? MODES[mode]!(args) : defaultRun(args));
// Undici keep-alive sockets and timers of the libraries may linger: the figures are written.
process.exit(0);
