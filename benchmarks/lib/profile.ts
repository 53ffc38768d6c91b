// `--profile`: every service runs with `node --cpu-prof`; when they stop, the profiles are
// summed up here by self time: per package (where the time goes) and the top functions.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fixed, table } from './report.ts';

interface CpuProfile {
  startTime: number;
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a script comes from: an npm package, our code, or Node itself. */
function origin(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:') || !url) return url ? 'node (built-in)' : '(native / GC / idle)';
  const project = /\/(gateway|subgraphs\/\w+|packages\/\w+)\/src\//.exec(url);
  return project ? `ours: ${project[1]}` : url;
}

/**
 * Self time by package and by function of one .cpuprofile, as Markdown, counting only samples
 * taken from `fromUs` on (CLOCK_MONOTONIC µs, as V8 stamps them and process.hrtime reads them):
 * the load, not the start-up. Returns the busy µs too.
 */
export function summarizeProfile(file: string, fromUs = 0, top = 12) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= fromUs) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    total += us;
    const where = origin(frame.url);
    byOrigin.set(where, (byOrigin.get(where) ?? 0) + us);
    const name = `${frame.functionName || '(anonymous)'} (${where}${frame.url ? `:${frame.lineNumber + 1}` : ''})`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => [name, fixed(us / 1000, 0), fixed((us / total) * 100)]);
  const markdown = [
    table(['where (self time)', 'ms', '%'], rows(byOrigin)),
    '',
    table(['function (self time)', 'ms', '%'], rows(byFunction)),
  ].join('\n');
  return { markdown, busyUs: total };
}

/**
 * One summary per process in `dir`, named by the service that wrote it: its busiest thread
 * (tsx's loader thread writes a profile of its own).
 */
export function summarizeProfiles(dir: string, names: Map<number, string>, fromUs: number): string {
  const busiest = new Map<number, { markdown: string; busyUs: number }>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const pid = Number(/^CPU\.\d+\.\d+\.(\d+)\./.exec(file)?.[1]);
    const summary = summarizeProfile(path.join(dir, file), fromUs);
    if (summary.busyUs > (busiest.get(pid)?.busyUs ?? -1)) busiest.set(pid, summary);
  }
  return [...busiest]
    .map(([pid, summary]) => `#### ${names.get(pid) ?? `pid ${pid}`}\n\n${summary.markdown}`)
    .join('\n\n');
}
