// `npm run fuzz [-- <vitest options>]`: the hostile-input sweep (tests/input-sweep.test.ts),
// longer than in `npm test` and with a random seed. FUZZ_SEED replays a run, FUZZ_RUNS sets the
// cases per contract operation (default 200). The seed is printed first and with any failure.
import { spawnSync } from 'node:child_process';
import { ROOT, loadFuzzConfig } from './lib/config.ts';

const { seed, runs, childEnv } = loadFuzzConfig();
console.log(`fuzz: FUZZ_SEED=${seed} FUZZ_RUNS=${runs}`);
const result = spawnSync(
  'npx',
  ['vitest', 'run', 'tests/input-sweep.test.ts', ...process.argv.slice(2)],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: childEnv,
  },
);
if (result.status !== 0)
  console.log(`fuzz: failed; replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz`);
process.exit(result.status ?? 1);
