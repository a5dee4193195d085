/**
 * Keeps the load generator off the servers' cores: the benchmark process, which generates the load,
 * runs on the machine's last CPU and every server on the others (`taskset`, Linux with two or more
 * CPUs). Unpinned, the generator and the server under test take turns on the same cores, so a
 * server's throughput depends on how much the generator spends on its answers (a 51 KB page costs
 * it far more than Prism's 4-byte one). Pinned, each server has the same core(s) to itself and the
 * generator its own; `--no-pin` turns it off.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { groupPids } from './cpu';

export interface CpuLayout {
  /** CPU list (taskset syntax) of the load generator. */
  generator: string;
  /** CPU list of every server. */
  servers: string;
}

/** The layout to use, or undefined when pinning is off or not possible here. */
export function cpuLayout(): CpuLayout | undefined {
  const n = os.cpus().length;
  if (process.argv.includes('--no-pin') || n < 2 || process.platform !== 'linux') return undefined;
  if (spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status !== 0) return undefined;
  return { generator: String(n - 1), servers: n === 2 ? '0' : `0-${n - 2}` };
}

/** Pins every thread of `pid` (and, with `group`, of every process in its process group) to `cpus`. */
export function pin(pid: number | undefined, cpus: string, group = false): void {
  if (pid === undefined) return;
  for (const p of group ? groupPids(pid) : [pid]) {
    const r = spawnSync('taskset', ['-a', '-cp', cpus, String(p)], { stdio: 'ignore' });
    // a launcher of the group may have ended meanwhile
    if (r.status !== 0 && existsSync(`/proc/${p}`)) throw new Error(`taskset could not pin process ${p} to CPU ${cpus}`);
  }
}

/** One line for the report. */
export function describeLayout(layout: CpuLayout | undefined): string {
  return layout
    ? `load generator pinned to CPU ${layout.generator}, each server to CPU ${layout.servers} (taskset)`
    : 'not pinned: the load generator shares the CPUs with the server';
}
