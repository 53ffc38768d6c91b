// The benchmark's command line: `npm run bench -- [--soak] [--duration=8] [--connections=20]
// [--soak-minutes=10] [--profile] [--only=<operation>] [--no-start] [--no-batching] [--no-hive] [--no-write]`. --profile runs every
// service under `node --cpu-prof` and adds where their time went.

export interface BenchArgs {
  flags: Set<string>;
  /** Seconds of load per figure (default 5). */
  durationSeconds: number;
  /** Concurrent connections, each signed in as its own user in the distinct run (default 20). */
  connections: number;
  /** Length of the soak (default 10 minutes). */
  soakMinutes: number;
  /** Only the operations whose name contains this (--only=Login); all by default. */
  only: string | undefined;
}

export function parseArgs(argv: string[]): BenchArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (const arg of argv) {
    const [name, value] = arg.split('=', 2);
    if (!name) continue;
    if (value === undefined) flags.add(name);
    else values.set(name, value);
  }
  const number = (name: string, fallback: number) => {
    const value = values.get(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a number > 0`);
    return parsed;
  };
  return {
    flags,
    durationSeconds: number('--duration', 5),
    connections: Math.round(number('--connections', 20)),
    soakMinutes: number('--soak-minutes', 10),
    only: values.get('--only'),
  };
}
