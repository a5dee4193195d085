/**
 * `npm run dev`: the same server app as `npm start` (app.ts: auth, guards, /hubspot proxy) on 127.0.0.1:5173
 * (HOST, PORT), with Vite's dev middleware (hot reload, on the same port) answering the app's own paths.
 * Flags: --no-env-file (ignore .env.local).
 */
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { MiddlewareHandler } from 'hono';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { createServerApp } from './app.ts';
import { isLoopbackHost } from './config.ts';
import { createCredentialCheck, reportCredentialAtStart } from './credential.ts';
import { configOrExit, listen } from './listen.ts';
import { createUpstream } from './proxy.ts';
import { openAppDb } from './store/connection.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Hands the request to Vite's connect middleware on the raw Node request and response. */
function viteMiddleware(vite: ViteDevServer): MiddlewareHandler<{ Bindings: HttpBindings }> {
  return (c) =>
    new Promise<Response>((resolve) => {
      const { incoming, outgoing } = c.env;
      outgoing.once('close', () => resolve(RESPONSE_ALREADY_SENT));
      vite.middlewares(incoming, outgoing, () => resolve(c.text('Not Found', 404)));
    });
}

async function main(): Promise<void> {
  const config = configOrExit('npm run dev', 5173, new Set(process.argv.slice(2)));
  const appDb = openAppDb(config.appDb);
  const upstream = await createUpstream(config.upstream);
  // The server first (Vite attaches hot reload's WebSocket to it), then Vite, then the app that hands pages to Vite.
  const server = createAdaptorServer({ fetch: (request, env) => app.fetch(request, env) }) as Server;
  const vite = await createServer({
    root: ROOT,
    configFile: path.join(ROOT, 'vite.config.ts'),
    appType: 'spa',
    server: {
      middlewareMode: true,
      ws: { server },
      // Vite's own DNS-rebinding guard (and app.ts's); non-loopback hosts are protected by ADMIN_PASSWORD instead.
      ...(isLoopbackHost(config.host) ? {} : { allowedHosts: true }),
    },
  });
  const credential = createCredentialCheck(upstream, config);
  const app = createServerApp({ config, upstream, credential, appDb, devServer: viteMiddleware(vite) as MiddlewareHandler, log: (line) => console.error(line) });
  reportCredentialAtStart(credential, upstream, (text) => console.log(text));
  const close = async () => {
    await vite.close();
    appDb.close();
  };
  listen(server, config, { command: 'npm run dev', title: 'HubSpot Calls Admin (dev, hot reload)', upstream, close });
}

main().catch((error: unknown) => {
  console.error('npm run dev failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
