/** Child server processes for benchmarks: free ports, spawn, wait for the first good answer, stop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export { freePort } from '../../../server/free-port';

export interface ServerProcess {
  proc: ChildProcess;
  /** Milliseconds from spawn to the first 2xx answer of `readyPath`. */
  readyMs: number;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * Spawns `node <args>` (or `command <args>`) in `cwd` and polls `readyUrl` (every 5 ms) until it
 * answers 2xx. With `group`, the child leads its own process group and `stop` signals the whole
 * group (a launcher such as npx and the server it starts).
 */
export async function startServer(opts: {
  command?: string;
  args: string[];
  group?: boolean;
  cwd: string;
  readyUrl: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** The child's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
}): Promise<ServerProcess> {
  const t0 = performance.now();
  const proc = spawn(opts.command ?? process.execPath, opts.args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: opts.group ?? false });
  const kill = (signal: NodeJS.Signals): void => {
    if (opts.group && proc.pid !== undefined) {
      try {
        process.kill(-proc.pid, signal);
        return;
      } catch {
        // the group is gone already
      }
    }
    proc.kill(signal);
  };
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  proc.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  let exited = false;
  const exitP = once(proc, 'exit').then(() => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`server exited before it answered: ${opts.command ?? 'node'} ${opts.args.join(' ')}\n${out}`);
    try {
      const res = await fetch(opts.readyUrl, { headers: opts.headers });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > opts.timeoutMs) {
      kill('SIGKILL');
      throw new Error(`server did not answer within ${opts.timeoutMs} ms\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const readyMs = performance.now() - t0;
  return {
    proc,
    readyMs,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (exited) return;
      kill(signal);
      const timer = setTimeout(() => kill('SIGKILL'), 10_000);
      await exitP;
      clearTimeout(timer);
    },
  };
}
