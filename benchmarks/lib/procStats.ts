// CPU time and memory of processes, read from /proc (Linux): what each service spends per
// request, whatever the load on the machine (CPU time is not wall time).
import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of utime/stime in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU milliseconds (user + system) `pid` has used so far; 0 once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The parent pid of `pid` (0 when unknown). */
export function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/** Every process whose parent is `pid` (PostgreSQL's backends under its postmaster). */
export function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((child) => parentOf(child) === pid);
}

/** Resident memory now and at its peak (VmRSS, VmHWM), in MiB. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** A group of processes measured together (one service; PostgreSQL = postmaster + backends). */
export interface ProcessGroup {
  name: string;
  pids(): number[];
}

/** CPU ms of each group so far, per pid, so that a later sample can subtract it. */
export type CpuSample = Map<string, Map<number, number>>;

export function sampleCpu(groups: ProcessGroup[]): CpuSample {
  return new Map(
    groups.map((group) => [group.name, new Map(group.pids().map((pid) => [pid, cpuMs(pid)]))]),
  );
}

/** CPU ms each group spent between two samples (processes born in between count whole). */
export function cpuBetween(before: CpuSample, after: CpuSample): Record<string, number> {
  const spent: Record<string, number> = {};
  for (const [name, pids] of after) {
    const earlier = before.get(name) ?? new Map<number, number>();
    let total = 0;
    for (const [pid, ms] of pids) total += ms - (earlier.get(pid) ?? 0);
    spent[name] = total;
  }
  return spent;
}
