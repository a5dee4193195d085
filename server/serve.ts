/**
 * `npm start`: builds the app when dist/ is missing or stale (build.ts), then serves dist/ and the /hubspot
 * proxy (HubSpot with a token, or the embedded mock) on 127.0.0.1:4173 (HOST, PORT) through app.ts.
 *
 * Flags: --reset-mock (delete the mock database first: a fresh demo seed), --no-env-file (ignore .env.local).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { createServerApp } from './app.ts';
import { ensureBuild } from './build.ts';
import { createCredentialCheck, reportCredentialAtStart } from './credential.ts';
import { configOrExit, listen } from './listen.ts';
import { createUpstream } from './proxy.ts';
import { openAppDb } from './store/connection.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function removeMockDb(dbFile: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${dbFile}${suffix}`, { force: true });
}

async function main(): Promise<void> {
  // React's production build for the pages the server renders (ssr.ts); the development build is several times slower.
  process.env.NODE_ENV ??= 'production';
  const args = new Set(process.argv.slice(2));
  const config = configOrExit('npm start', 4173, args);
  await ensureBuild(ROOT);
  if (config.upstream.mode === 'mock' && args.has('--reset-mock')) removeMockDb(config.upstream.dbFile);
  const appDb = openAppDb(config.appDb);
  const upstream = await createUpstream(config.upstream);
  const credential = createCredentialCheck(upstream, config);
  const app = createServerApp({ config, upstream, credential, appDb, distDir: path.join(ROOT, 'dist'), log: (line) => console.error(line) });
  reportCredentialAtStart(credential, upstream, (text) => console.log(text));
  listen(createAdaptorServer({ fetch: app.fetch }), config, {
    command: 'npm start',
    title: 'HubSpot Calls Admin',
    upstream,
    close: async () => void appDb.close(),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error('npm start failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
