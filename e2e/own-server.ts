/**
 * A server of a spec's own, for a spec that must not share the suite's servers (it restarts its server, or it
 * consumes demo data other specs use): `npm start`'s entry point on `port`, over a mock database (demo-seeded
 * when new) and an APP_DB file in `dir`, with no real HubSpot and no .env.local.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { expect } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface OwnServer {
  base: string;
  process: ChildProcess;
  /** Everything the server wrote to stdout and stderr (for a failure's message). */
  output: () => string;
}

/** Starts the server and waits until it answers GET /hubspot-connection. */
export async function startServer(port: number, dir: string): Promise<OwnServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/serve.ts', '--no-env-file'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      MOCK_DB: path.join(dir, 'mock.sqlite'),
      APP_DB: path.join(dir, 'app.sqlite'),
      HUBSPOT_ACCESS_TOKEN: '',
      HUBSPOT_BASE_URL: '',
      HUBSPOT_API_VERSION: '',
      ADMIN_PASSWORD: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  await expect(async () => {
    if (child.exitCode !== null) throw new Error(`the server ended (${child.exitCode}): ${output}`);
    expect((await fetch(`${base}/hubspot-connection`)).status).toBe(200);
  }).toPass({ timeout: 120_000 });
  return { base, process: child, output: () => output };
}

/** Ends the server at once (SIGKILL: nothing is flushed or closed on the way out), unless it has ended. */
export async function killServer(server: OwnServer) {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  server.process.kill('SIGKILL');
  await once(server.process, 'exit');
}
