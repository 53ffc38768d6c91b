// The benchmark's own settings (it is a script, not a service): the only place it reads the
// environment.
import { homedir } from 'node:os';
import path from 'node:path';

/** Where tools installed on first use (Hive Gateway) live: $GRAHVANI_BENCH_CACHE or ~/.cache. */
export const BENCH_CACHE_ROOT =
  process.env.GRAHVANI_BENCH_CACHE ?? path.join(homedir(), '.cache', 'grahvani-bench');

/** The PATH handed to the processes the benchmark starts. */
export const BENCH_PATH = process.env.PATH ?? '';
