/** What `npm start` and `npm run dev` share around the app: reading the settings, listening, stopping. */
import path from 'node:path';
import type { ServerType } from '@hono/node-server';
import type { ServerConfig } from './config.ts';
import { assertSafeBinding, ConfigError, describeUpstream, loadConfig } from './config.ts';
import type { Upstream } from './proxy.ts';

/** The settings, or the reason they cannot work on stderr and exit code 1. */
export function configOrExit(command: string, defaultPort: number, args: ReadonlySet<string>): ServerConfig {
  try {
    const config = loadConfig({ defaultPort, envFile: !args.has('--no-env-file') });
    assertSafeBinding(config);
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${command}: ${error.message}`);
    process.exit(1);
  }
}

function urlFor(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

/** Listens on HOST:PORT, prints the URL and the mode, and closes everything on SIGINT/SIGTERM. */
export function listen(
  server: ServerType,
  config: ServerConfig,
  opts: { command: string; title: string; upstream: Upstream; close?: () => Promise<void> },
): void {
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `${opts.command}: port ${config.port} on ${config.host} is already in use. Stop the other server or set PORT.`
        : `${opts.command}: ${error.message}`,
    );
    opts.upstream.close?.();
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    if (address && typeof address === 'object') config.port = address.port;
    console.log(`${opts.title} is running at ${urlFor(config.host, config.port)}`);
    console.log(`Mode: ${describeUpstream(config.upstream)}`);
    if (config.adminPassword) console.log(`Access: HTTP basic auth (user "${config.adminUser}", password from ADMIN_PASSWORD)`);
    if (config.envFile) console.log(`Settings read from ${path.relative(process.cwd(), config.envFile)}`);
  });
  const shutdown = () => {
    void (opts.close?.() ?? Promise.resolve()).finally(() => {
      server.close();
      opts.upstream.close?.();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
