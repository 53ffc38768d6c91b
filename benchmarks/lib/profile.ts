// `--profile`: every service runs with `node --cpu-prof`; when they stop, the profiles are
// summed up here by self time: per package (where the time goes) and the top functions.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fixed, table } from './report.ts';

interface CpuProfile {
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

/** Self time by package and by function of one .cpuprofile, as Markdown. */
export function summarizeProfile(file: string, top = 12): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
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
  return [
    table(['where (self time)', 'ms', '%'], rows(byOrigin)),
    '',
    table(['function (self time)', 'ms', '%'], rows(byFunction)),
  ].join('\n');
}

/** One summary per profile in `dir`, named by the service that wrote it. */
export function summarizeProfiles(dir: string, names: Map<number, string>): string {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cpuprofile'))
    .map((file) => {
      const pid = Number(/^CPU\.\d+\.\d+\.(\d+)\./.exec(file)?.[1]);
      const name = names.get(pid) ?? file;
      return `#### ${name}\n\n${summarizeProfile(path.join(dir, file))}`;
    })
    .join('\n\n');
}
