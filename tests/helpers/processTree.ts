// The processes below a pid, read from /proc (Linux), for tests of what a process leaves behind.
import { readdirSync, readFileSync } from 'node:fs';

/** pid → ppid and state of every live process (zombies count as gone: nothing is left but a number). */
function processTable(): Map<number, number> {
  const table = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') table.set(Number(entry), Number(ppid));
    } catch {
      // exited while we read
    }
  }
  return table;
}

/** Every live process below `pid` (children, their children...). */
export function descendants(pid: number): number[] {
  const table = processTable();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const [child, ppid] of table) {
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** The pids of `pids` that are still alive (not zombies). */
export function alive(pids: number[]): number[] {
  const table = processTable();
  return pids.filter((pid) => table.has(pid));
}
