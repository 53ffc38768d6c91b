// Timing for the scale benchmark: two runs compared side by side, interleaved round by round
// (on a loaded machine the load then falls on both alike), and the table they make.
import type { GraphQLResponse } from '../tests/helpers/graphql.ts';
import { median } from './lib/report.ts';

export type Run = () => Promise<GraphQLResponse<unknown>>;

/** A response with errors (or none at all) stops the benchmark: it would time an error path. */
export async function checked(run: Run): Promise<GraphQLResponse<unknown>> {
  const res = await run();
  if (res.errors || !res.data) throw new Error(`operation failed: ${JSON.stringify(res.errors)}`);
  return res;
}

async function timed(run: Run): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Medians of `rounds` runs of `a` and of `b`, alternating which goes first. */
export async function comparePair(a: Run, b: Run, rounds: number): Promise<[number, number]> {
  let slowest = 0;
  for (let i = 0; i < 3; i++) {
    // Warm-up (plans, JIT, connections) and a check that both succeed.
    const started = performance.now();
    await checked(a);
    await checked(b);
    slowest = Math.max(slowest, performance.now() - started);
  }
  // Operations of seconds (an unpaged list of 20,000) get 5 rounds: the figure is clear.
  if (slowest > 2_000) rounds = Math.min(rounds, 5);
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      ta.push(await timed(a));
      tb.push(await timed(b));
    } else {
      tb.push(await timed(b));
      ta.push(await timed(a));
    }
  }
  return [median(ta), median(tb)];
}

/** Median of `rounds` runs of one operation (after a checked warm-up). */
export async function medianOf(run: Run, rounds: number): Promise<number> {
  for (let i = 0; i < 3; i++) await checked(run);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) times.push(await timed(run));
  return median(times);
}

export interface Row {
  operation: string;
  small: number;
  big: number;
}

/** Prints a Markdown table with the ratio big/small and whether it is within `target`. */
export function printTable(title: string, columns: [string, string], rows: Row[], target = 1.5) {
  console.log(`\n### ${title}\n`);
  console.log(`| operation | ${columns[0]} | ${columns[1]} | ratio | within ${target}x |`);
  console.log('|---|---|---|---|---|');
  for (const { operation, small, big } of rows) {
    const ratio = big / small;
    console.log(
      `| ${operation} | ${small.toFixed(1)} ms | ${big.toFixed(1)} ms | ${ratio.toFixed(2)}x | ${ratio <= target ? 'yes' : 'NO'} |`,
    );
  }
}

/** Runs `fn` on every item, at most `limit` at a time. */
export async function inPool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
