/**
 * `npm run dev`: the Vite dev server (HMR) on 127.0.0.1:5173 (HOST, PORT) with the same /hubspot proxy as
 * `npm start`, mounted as Vite middleware. Flags: --no-env-file (ignore .env.local).
 */
import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { createServer } from 'vite';
import type { Plugin } from 'vite';
import type { ServerConfig } from './config.ts';
import { assertSafeBinding, ConfigError, describeUpstream, isLoopbackHost, loadConfig } from './config.ts';
import type { Upstream } from './proxy.ts';
import { CONNECTION_PATH, createProxyApp, createUpstream, loopbackHostHeaders, PROXY_PREFIX } from './proxy.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function passwordMatches(header: string | undefined, user: string, password: string): boolean {
  if (!header?.startsWith('Basic ')) return false;
  const given = Buffer.from(Buffer.from(header.slice(6), 'base64').toString('utf8'));
  const expected = Buffer.from(`${user}:${password}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Vite plugin: basic auth when configured, then /hubspot/* and /hubspot-connection through the proxy. */
export function hubspotProxyPlugin(config: ServerConfig, upstream: Upstream): Plugin {
  const proxy = createProxyApp({
    upstream,
    timeoutMs: config.timeoutMs,
    allowedHosts: loopbackHostHeaders(config.host, config.port, isLoopbackHost(config.host)),
    log: (line) => console.error(line),
  });
  const listener = getRequestListener(proxy.fetch);
  return {
    name: 'hubspot-calls-admin:proxy',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (config.adminPassword && !passwordMatches(req.headers.authorization, config.adminUser, config.adminPassword)) {
          res.statusCode = 401;
          res.setHeader('WWW-Authenticate', 'Basic realm="HubSpot Calls Admin"');
          res.end('Unauthorized');
          return;
        }
        const url = req.url ?? '/';
        const pathname = url.split('?')[0] ?? '/';
        if (pathname.startsWith(`${PROXY_PREFIX}/`) || pathname === CONNECTION_PATH) {
          listener(req, res).catch(next);
          return;
        }
        next();
      });
    },
  };
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  let config: ServerConfig;
  try {
    config = loadConfig({ defaultPort: 5173, envFile: !args.has('--no-env-file') });
    assertSafeBinding(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`npm run dev: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const upstream = await createUpstream(config.upstream);
  const server = await createServer({
    root: ROOT,
    configFile: path.join(ROOT, 'vite.config.ts'),
    server: {
      host: config.host,
      port: config.port,
      strictPort: true,
      // Vite's own DNS-rebinding guard; non-loopback hosts are protected by ADMIN_PASSWORD instead.
      ...(isLoopbackHost(config.host) ? {} : { allowedHosts: true }),
    },
    plugins: [hubspotProxyPlugin(config, upstream)],
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? server.resolvedUrls?.network[0] ?? `http://${config.host}:${config.port}/`;
  console.log(`HubSpot Calls Admin (dev, hot reload) is running at ${url}`);
  console.log(`Mode: ${describeUpstream(config.upstream)}`);
  if (config.adminPassword) console.log(`Access: HTTP basic auth (user "${config.adminUser}", password from ADMIN_PASSWORD)`);
  if (config.envFile) console.log(`Settings read from ${path.relative(process.cwd(), config.envFile)}`);

  const shutdown = () => {
    void server.close().finally(() => {
      upstream.close?.();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error('npm run dev failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
