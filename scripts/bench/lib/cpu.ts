/**
 * CPU time used by another process (user + system), read from /proc/<pid>/stat on Linux.
 * On a shared machine wall-clock throughput swings with other load; CPU time per request does not.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ), 100 on every mainstream Linux build. */
const USER_HZ = 100;

/** CPU milliseconds used so far by `pid`, or undefined where /proc is not available. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may contain spaces; fields after its closing parenthesis are fixed
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(rest[11]);
    const stime = Number(rest[12]);
    if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
    return ((utime + stime) * 1000) / USER_HZ;
  } catch {
    return undefined;
  }
}

/** The processes of a process group (a launcher such as npx and the server it starts). */
export function groupPids(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) === pgid) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

/** CPU milliseconds used so far by every process of a process group (a launcher and its server). */
export function groupCpuMs(pgid: number | undefined): number | undefined {
  if (pgid === undefined) return undefined;
  let total = 0;
  let found = false;
  for (const pid of groupPids(pgid)) {
    const ms = processCpuMs(pid);
    if (ms === undefined) continue;
    total += ms;
    found = true;
  }
  return found ? total : undefined;
}
