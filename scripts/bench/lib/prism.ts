/**
 * Stoplight Prism's static mock of HubSpot's calls spec, the outside yardstick of the mock benchmarks.
 * Prism is not a dependency of the project: it is fetched at run time with npx, pinned to the last
 * release that runs on Node 20 (5.15 and later need Node 24).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LoadResult } from './load';
import { freePort, startServer, type ServerProcess } from './process';

export const PRISM_VERSION = '5.14.2';

/** The bar for list and search: at least twice Prism's throughput in the same run, p50 under 10 ms. */
export const PRISM_BAR = { rpsRatio: 2, p50Ms: 10, text: '≥2× Prism rps, p50 <10 ms' } as const;

export function meetsPrismBar(mock: LoadResult, prism: LoadResult): boolean {
  return mock.errors === 0 && mock.requests > 0 && mock.rps >= PRISM_BAR.rpsRatio * prism.rps && mock.p50 < PRISM_BAR.p50Ms;
}

/** Where the spec is expected: the shared folder beside the checkout. */
function prismSpec(root: string): string {
  return path.resolve(root, '../shared/hubspot-openapi/calls.v3.json');
}

/**
 * Starts `prism mock` (static, not dynamic, logging off) on the calls spec, or says why not and
 * returns undefined (no spec, or npx could not fetch or run Prism).
 */
export async function startPrism(root: string): Promise<{ server: ServerProcess; base: string } | undefined> {
  const spec = prismSpec(root);
  if (!existsSync(spec)) {
    console.log(`Prism skipped: ${spec} is absent`);
    return undefined;
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  try {
    const server = await startServer({
      command: npx,
      args: ['-y', `@stoplight/prism-cli@${PRISM_VERSION}`, 'mock', '-h', '127.0.0.1', '-p', String(port), '-v', 'silent', spec],
      cwd: root,
      // the spec's security scheme wants a token; Prism's static answer of the list is the spec's example
      readyUrl: `${base}/crm/v3/objects/calls?limit=1`,
      headers: { authorization: 'Bearer bench-token', accept: 'application/json' },
      timeoutMs: 180_000,
      group: true,
    });
    return { server, base };
  } catch (e) {
    console.log(`Prism skipped: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return undefined;
  }
}
