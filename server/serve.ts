/**
 * `npm start`: builds the app when dist/ is missing or stale, then serves dist/ and the /hubspot proxy
 * (HubSpot with a token, or the embedded mock) on 127.0.0.1:4173 (HOST, PORT).
 *
 * Flags: --reset-mock (delete the mock database first: a fresh demo seed), --no-env-file (ignore .env.local).
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { compress } from 'hono/compress';
import type { ServerConfig } from './config.ts';
import { assertSafeBinding, ConfigError, describeUpstream, isLoopbackHost, loadConfig } from './config.ts';
import type { Upstream } from './proxy.ts';
import { createProxyApp, createUpstream, loopbackHostHeaders, PROXY_PREFIX } from './proxy.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Security headers

/**
 * script-src 'self': only our bundled files run (no inline script; theme-init.js is a file for that reason).
 * style-src 'unsafe-inline': MUI styles through Emotion, which inserts <style> elements at runtime, and MUI
 * components (Data Grid, Popper, transitions) set style attributes. A nonce would cover Emotion's elements
 * only and would need per-request HTML rewriting. Injected CSS cannot exfiltrate anything because every
 * fetching directive (connect, img, font, media except https recordings) is limited to this origin.
 * media-src https: call recordings are played from HubSpot's https URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' https:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

// ---------------------------------------------------------------------------------------------
// Static files from dist/

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map', '.webmanifest']);

interface CachedFile {
  mtimeMs: number;
  size: number;
  body: Buffer;
  etag: string;
  type: string;
  br?: Buffer;
  gzip?: Buffer;
}

function acceptsEncoding(header: string | undefined, encoding: string): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name?.trim().toLowerCase() !== encoding) return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** Serves dist/ from memory (re-read when a file changes), precompressed with brotli or gzip on first use. */
export function createStaticHandler(distDir: string) {
  const cache = new Map<string, CachedFile>();

  const load = (file: string): CachedFile | undefined => {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit;
    const body = readFileSync(file);
    const entry: CachedFile = {
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      type: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    };
    cache.set(file, entry);
    return entry;
  };

  const respond = (entry: CachedFile, file: string, method: string, ifNoneMatch: string | undefined, acceptEncoding: string | undefined, cacheControl: string) => {
    const headers = new Headers({ 'content-type': entry.type, 'cache-control': cacheControl, etag: entry.etag });
    const ext = path.extname(file).toLowerCase();
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === entry.etag)) {
      return new Response(null, { status: 304, headers });
    }
    let body = entry.body;
    if (COMPRESSIBLE.has(ext) && entry.body.length > 1024) {
      headers.set('vary', 'Accept-Encoding');
      if (acceptsEncoding(acceptEncoding, 'br')) {
        entry.br ??= brotliCompressSync(entry.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 10 } });
        body = entry.br;
        headers.set('content-encoding', 'br');
      } else if (acceptsEncoding(acceptEncoding, 'gzip')) {
        entry.gzip ??= gzipSync(entry.body, { level: 9 });
        body = entry.gzip;
        headers.set('content-encoding', 'gzip');
      }
    }
    headers.set('content-length', String(body.length));
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };

  return (request: Request): Response => {
    const method = request.method.toUpperCase();
    const url = new URL(request.url);
    const accept = request.headers.get('accept-encoding') ?? undefined;
    const inm = request.headers.get('if-none-match') ?? undefined;
    const indexFile = path.join(distDir, 'index.html');
    const index = () => {
      const entry = load(indexFile);
      if (!entry) return new Response('The app is not built: dist/index.html is missing.', { status: 503 });
      return respond(entry, indexFile, method, inm, accept, 'no-cache');
    };
    if (method !== 'GET' && method !== 'HEAD') return new Response('Method Not Allowed', { status: 405, headers: { allow: 'GET, HEAD' } });

    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad Request', { status: 400 });
    }
    if (pathname.includes('\0') || pathname.split('/').some((s) => s === '..' || (s.startsWith('.') && s.length > 0))) {
      return new Response('Not Found', { status: 404 });
    }
    if (pathname === '/' || pathname === '/index.html') return index();
    const file = path.join(distDir, pathname);
    if (!file.startsWith(distDir + path.sep)) return new Response('Not Found', { status: 404 });
    const entry = load(file);
    if (entry) {
      const hashed = pathname.startsWith('/assets/');
      return respond(entry, file, method, inm, accept, hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    // Missing files (a stale chunk, a typo'd asset) are 404s; any other path is a client route of the SPA.
    if (pathname.startsWith('/assets/') || path.extname(pathname)) return new Response('Not Found', { status: 404 });
    return index();
  };
}

// ---------------------------------------------------------------------------------------------
// The server app

export function createServerApp(opts: { config: ServerConfig; upstream: Upstream; distDir: string; log?: (line: string) => void }): Hono {
  const { config } = opts;
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });

  if (config.adminPassword) {
    app.use('*', basicAuth({ username: config.adminUser, password: config.adminPassword, realm: 'HubSpot Calls Admin' }));
  }

  app.use(`${PROXY_PREFIX}/*`, compress());
  app.route(
    '/',
    createProxyApp({
      upstream: opts.upstream,
      timeoutMs: config.timeoutMs,
      // Read per request: with PORT=0 the real port is only known once listening (main() updates config.port).
      allowedHosts: () => loopbackHostHeaders(config.host, config.port, isLoopbackHost(config.host)),
      ...(opts.log ? { log: opts.log } : {}),
    }),
  );

  const serveStatic = createStaticHandler(opts.distDir);
  app.all('*', (c) => serveStatic(c.req.raw));
  return app;
}

// ---------------------------------------------------------------------------------------------
// Build when dist/ is missing or stale

const BUILD_INPUTS = ['index.html', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.app.json', 'public', 'src'];
const STAMP_FILE = '.build-stamp.json';

function isBuildInput(relative: string): boolean {
  return !/\.test\.[cm]?[jt]sx?$/.test(relative) && !relative.startsWith(`src${path.sep}test${path.sep}`);
}

/** Newest modification time among the build's inputs (directories count: a deleted file changes its folder). */
export function newestInputMtime(root: string): number {
  let newest = 0;
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      return;
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) return;
    for (const name of readdirSync(full)) {
      const child = path.join(relative, name);
      if (isBuildInput(child)) visit(child);
    }
  };
  for (const input of BUILD_INPUTS) visit(input);
  return newest;
}

export function buildIsFresh(root: string, distDir: string): boolean {
  try {
    if (!existsSync(path.join(distDir, 'index.html'))) return false;
    const stamp = JSON.parse(readFileSync(path.join(distDir, STAMP_FILE), 'utf8')) as { inputsMtimeMs?: unknown };
    return typeof stamp.inputsMtimeMs === 'number' && newestInputMtime(root) <= stamp.inputsMtimeMs;
  } catch {
    return false;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Cross-process lock file: concurrent `npm start`s build one at a time and the rest reuse the result. */
async function withLock<T>(lockFile: string, work: () => Promise<T>, onWait: () => void): Promise<T> {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  let waited = false;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSafe(lockFile));
      const age = Date.now() - (statSafe(lockFile)?.mtimeMs ?? Date.now());
      if ((Number.isInteger(holder) && holder > 0 && !pidAlive(holder)) || age > 10 * 60_000) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (!waited) onWait();
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
const readFileSafe = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
const statSafe = (file: string) => {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
};

/** How long hashed files of a previous build stay available after a rebuild. */
const OLD_ASSET_TTL_MS = 60 * 60_000;

/**
 * A page loaded before a rebuild still lazy-loads its route chunks by their old hashed names; keep the previous
 * build's recent assets next to the new ones (names never collide) so those pages keep working.
 */
function carryOverRecentAssets(distDir: string, newDir: string): void {
  const oldAssets = path.join(distDir, 'assets');
  const newAssets = path.join(newDir, 'assets');
  if (!existsSync(oldAssets)) return;
  mkdirSync(newAssets, { recursive: true });
  const cutoff = Date.now() - OLD_ASSET_TTL_MS;
  for (const name of readdirSync(oldAssets)) {
    const from = path.join(oldAssets, name);
    const to = path.join(newAssets, name);
    const stat = statSafe(from);
    if (stat?.isFile() && stat.mtimeMs >= cutoff && !existsSync(to)) cpSync(from, to, { preserveTimestamps: true });
  }
}

/**
 * Builds into a temporary folder and swaps it in with renames, so a reader never sees a half-written dist/,
 * and holds a lock so two starts never build at once. Returns whether a build ran.
 */
export async function ensureBuild(root: string, log: (line: string) => void = console.log): Promise<boolean> {
  const distDir = path.join(root, 'dist');
  if (buildIsFresh(root, distDir)) return false;
  const workDir = path.join(root, '.data');
  return withLock(
    path.join(workDir, 'build.lock'),
    async () => {
      if (buildIsFresh(root, distDir)) return false; // someone else built it while we waited
      const inputsMtimeMs = newestInputMtime(root);
      const tmpDir = path.join(workDir, `build-${process.pid}-${randomBytes(4).toString('hex')}`);
      log(existsSync(distDir) ? 'Sources changed since the last build: building the app…' : 'Building the app (first start)…');
      const started = Date.now();
      const { build } = await import('vite');
      try {
        await build({
          root,
          configFile: path.join(root, 'vite.config.ts'),
          mode: 'production',
          logLevel: 'warn',
          build: { outDir: tmpDir, emptyOutDir: true },
        });
        writeFileSync(path.join(tmpDir, STAMP_FILE), JSON.stringify({ inputsMtimeMs, builtAt: new Date().toISOString() }));
        carryOverRecentAssets(distDir, tmpDir);
        const oldDir = path.join(workDir, `dist-old-${process.pid}-${randomBytes(4).toString('hex')}`);
        if (existsSync(distDir)) renameSync(distDir, oldDir);
        renameSync(tmpDir, distDir);
        rmSync(oldDir, { recursive: true, force: true });
      } finally {
        rmSync(tmpDir, { recursive: true, force: true });
      }
      log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return true;
    },
    () => log('Another process is building the app; waiting for it…'),
  );
}

// ---------------------------------------------------------------------------------------------

function removeMockDb(dbFile: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${dbFile}${suffix}`, { force: true });
}

export function urlFor(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  let config: ServerConfig;
  try {
    config = loadConfig({ defaultPort: 4173, envFile: !args.has('--no-env-file') });
    assertSafeBinding(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`npm start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  await ensureBuild(ROOT);

  if (config.upstream.mode === 'mock' && args.has('--reset-mock')) removeMockDb(config.upstream.dbFile);
  const upstream = await createUpstream(config.upstream);
  const app = createServerApp({ config, upstream, distDir: path.join(ROOT, 'dist'), log: (line) => console.error(line) });

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    config.port = info.port;
    console.log(`HubSpot Calls Admin is running at ${urlFor(config.host, info.port)}`);
    console.log(`Mode: ${describeUpstream(config.upstream)}`);
    if (config.adminPassword) console.log(`Access: HTTP basic auth (user "${config.adminUser}", password from ADMIN_PASSWORD)`);
    if (config.envFile) console.log(`Settings read from ${path.relative(process.cwd(), config.envFile)}`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `npm start: port ${config.port} on ${config.host} is already in use. Stop the other server or set PORT.`
        : `npm start: ${error.message}`,
    );
    upstream.close?.();
    process.exit(1);
  });

  const shutdown = () => {
    server.close();
    upstream.close?.();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error('npm start failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
