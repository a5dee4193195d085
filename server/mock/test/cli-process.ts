/**
 * Runs the mock's CLI (`server/mock/cli.ts`) as a real process for persistence tests and the
 * benchmark. It runs as `node --import tsx server/mock/cli.ts ...` so that the pid we signal is
 * the server itself (the `tsx` wrapper would leave its child running after a SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../free-port';
import type { Res } from './helpers';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CliServer {
  proc: ChildProcess;
  base: string;
  port: number;
  /** Milliseconds from spawn to the first successful answer. */
  startupMs: number;
  output: () => string;
  /** Sends `signal` and waits for the process to exit. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export async function startCli(opts: {
  db: string;
  port?: number;
  token?: string;
  args?: string[];
  timeoutMs?: number;
  /** Ready on any HTTP answer rather than a 200 (for a server started with --fail-rate 1). */
  readyOnAnyAnswer?: boolean;
}): Promise<CliServer> {
  const port = opts.port ?? (await freePort());
  const args = ['--import', 'tsx', 'server/mock/cli.ts', '--db', opts.db, '--port', String(port), '--host', '127.0.0.1'];
  if (opts.token) args.push('--token', opts.token);
  args.push(...(opts.args ?? []));
  const started = performance.now();
  const proc = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  let exited = false;
  const exitedP = once(proc, 'exit').then(() => {
    exited = true;
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = started + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`mock CLI exited before answering:\n${out}`);
    try {
      const res = await fetch(`${base}/crm/v3/objects/calls?limit=1`, {
        headers: { authorization: `Bearer ${opts.token ?? 'any-token'}` },
      });
      await res.arrayBuffer();
      if (res.status === 200 || opts.readyOnAnyAnswer) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`mock CLI did not answer within ${opts.timeoutMs ?? 60_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const startupMs = performance.now() - started;
  return {
    proc,
    base,
    port,
    startupMs,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (!exited) {
        proc.kill(signal);
        await exitedP;
      }
    },
  };
}

/** One HTTP request to a running mock with `token`, answered as a `Res` (JSON body parsed when there is one). */
export async function request(base: string, method: string, path: string, token: string, body?: unknown): Promise<Res> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? (JSON.parse(text) as unknown) : undefined };
}
