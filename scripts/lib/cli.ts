import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad command-line arguments: the script prints the reason and its usage, and exits 2. */
export class UsageError extends Error {}

/**
 * `parseArgs` (strict) over the script's arguments, its errors turned into a UsageError (one
 * line of reason, then the usage) instead of a stack trace.
 */
export function parseCli<T extends ParseArgsConfig>(config: T, args = process.argv.slice(2)) {
  try {
    return parseArgs({ ...config, args, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** Ends the process after a failure: usage errors exit 2 with the usage, others 1, one line. */
export function fail(script: string, usage: string, err: unknown): never {
  if (err instanceof UsageError) {
    console.error(`${script}: ${err.message}\n${usage}`);
    process.exit(2);
  }
  console.error(`${script} failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
