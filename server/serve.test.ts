import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from './app.ts';
import { buildIsFresh, ensureBuild, newestInputMtime, precompress } from './build.ts';
import type { ServerConfig } from './config.ts';
import { httpUpstream } from './proxy.ts';
import { ROOT } from './serve.ts';

const temps: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function fakeDist(): string {
  const dist = tempDir('hca-dist-');
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>HubSpot Calls Admin</title><div id="root"></div>');
  writeFileSync(path.join(dist, 'assets', 'index-AbC123.js'), `console.log(${JSON.stringify('x'.repeat(5000))});`);
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(dist, '.build-stamp.json'), '{}');
  return dist;
}

function config(patch: Partial<ServerConfig> = {}): ServerConfig {
  return {
    host: '127.0.0.1',
    port: 4173,
    adminUser: 'admin',
    upstream: { mode: 'hubspot', baseUrl: 'http://127.0.0.1:9' },
    apiVersion: '2026-09',
    timeoutMs: 1000,
    appDb: ':memory:',
    ...patch,
  };
}

const local = { host: '127.0.0.1:4173' };

describe('production server', () => {
  const dist = fakeDist();
  // What ensureBuild does after each build: .br and .gz beside every compressible file.
  beforeAll(() => precompress(dist));
  const app = createServerApp({ config: config(), upstream: httpUpstream('http://127.0.0.1:9'), distDir: dist });

  it('serves index.html with security headers and no-cache', async () => {
    const res = await app.request('http://127.0.0.1:4173/', { headers: local });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('falls back to index.html for client routes but 404s missing assets and hidden files', async () => {
    const route = await app.request('http://127.0.0.1:4173/calls/123/edit', { headers: local });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root">');
    expect((await app.request('http://127.0.0.1:4173/assets/gone-123.js', { headers: local })).status).toBe(404);
    expect((await app.request('http://127.0.0.1:4173/.build-stamp.json', { headers: local })).status).toBe(404);
    expect((await app.request('http://127.0.0.1:4173/%2e%2e/package.json', { headers: local })).status).toBe(404);
  });

  it('caches hashed assets for a year, compresses them, and answers 304 to a matching ETag', async () => {
    const br = await app.request('http://127.0.0.1:4173/assets/index-AbC123.js', { headers: { ...local, 'accept-encoding': 'gzip, br' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(br.headers.get('content-encoding')).toBe('br');
    const original = readFileSync(path.join(dist, 'assets', 'index-AbC123.js'));
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(original)).toBe(true);

    const gz = await app.request('http://127.0.0.1:4173/assets/index-AbC123.js', { headers: { ...local, 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(original)).toBe(true);

    const etag = br.headers.get('etag') ?? '';
    const again = await app.request('http://127.0.0.1:4173/assets/index-AbC123.js', { headers: { ...local, 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves the proxy and /hubspot-connection on the same origin', async () => {
    const res = await app.request('http://127.0.0.1:4173/hubspot-connection', { headers: local });
    expect(await res.json()).toEqual({ mode: 'hubspot', host: '127.0.0.1:9', apiVersion: '2026-09' });
    const refused = await app.request('http://127.0.0.1:4173/hubspot/crm/objects/2026-09/emails', { headers: local });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers only to loopback Host headers when bound to loopback (DNS rebinding)', async () => {
    const res = await app.request('http://rebind.example:4173/hubspot/crm/objects/2026-09/calls', { headers: { host: 'rebind.example:4173' } });
    expect(res.status).toBe(403);
  });

  it('requires basic auth on every route when ADMIN_PASSWORD is set', async () => {
    const seen: string[] = [];
    const guarded = createServerApp({
      config: config({ host: '0.0.0.0', adminPassword: 'correct horse' }),
      upstream: { ...httpUpstream('http://127.0.0.1:9'), fetch: async (r) => (seen.push(r.url), new Response('{}')) },
      distDir: dist,
    });
    for (const p of ['/', '/calls', '/assets/index-AbC123.js', '/hubspot-connection', '/hubspot/crm/objects/2026-09/calls']) {
      const res = await guarded.request(`http://10.0.0.5:4173${p}`);
      expect(`${p} ${res.status}`).toBe(`${p} 401`);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    }
    const wrong = await guarded.request('http://10.0.0.5:4173/', { headers: { authorization: `Basic ${btoa('admin:wrong')}` } });
    expect(wrong.status).toBe(401);
    const ok = await guarded.request('http://10.0.0.5:4173/hubspot/crm/objects/2026-09/calls', {
      headers: { authorization: `Basic ${btoa('admin:correct horse')}` },
    });
    expect(ok.status).toBe(200);
    expect(seen).toHaveLength(1);
  });
});

describe('npm start', () => {
  it('refuses to start on a non-loopback HOST without ADMIN_PASSWORD and says why', async () => {
    const env = { ...process.env, HOST: '0.0.0.0', PORT: '4199', ADMIN_PASSWORD: '', HUBSPOT_ACCESS_TOKEN: '', HUBSPOT_BASE_URL: '' };
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', 'server/serve.ts', '--no-env-file'], { cwd: ROOT, env }, (error, _stdout, stderr) =>
        resolve({ code: error ? (child.exitCode ?? 1) : 0, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Refusing to listen on HOST=0.0.0.0');
    expect(result.stderr).toContain('ADMIN_PASSWORD');
  });
});

describe('build freshness', () => {
  it('is stale when a source changes, not when only a test file does', () => {
    const root = tempDir('hca-root-');
    mkdirSync(path.join(root, 'src'));
    mkdirSync(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'index.html'), '<html></html>');
    writeFileSync(path.join(root, 'src', 'a.ts'), 'export {}');
    writeFileSync(path.join(root, 'src', 'a.test.ts'), 'export {}');
    writeFileSync(path.join(root, 'dist', 'index.html'), '<html></html>');
    const past = new Date(Date.now() - 60_000);
    for (const f of ['index.html', 'src/a.ts', 'src/a.test.ts', 'src']) utimesSync(path.join(root, f), past, past);
    writeFileSync(path.join(root, 'dist', '.build-stamp.json'), JSON.stringify({ inputsMtimeMs: newestInputMtime(root) }));
    expect(buildIsFresh(root, path.join(root, 'dist'))).toBe(true);

    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'src', 'a.test.ts'), future, future);
    expect(buildIsFresh(root, path.join(root, 'dist'))).toBe(true);

    utimesSync(path.join(root, 'src', 'a.ts'), future, future);
    expect(buildIsFresh(root, path.join(root, 'dist'))).toBe(false);
  });

  it('is stale without a stamp or without index.html', () => {
    const root = tempDir('hca-root-');
    mkdirSync(path.join(root, 'dist'));
    expect(buildIsFresh(root, path.join(root, 'dist'))).toBe(false);
  });
});

describe('ensureBuild', () => {
  it('lets concurrent starts build once into a complete dist/ and leaves no temporary folders', async () => {
    // A tiny project inside the repo (so `vite` resolves from node_modules), under the git-ignored .data/.
    mkdirSync(path.join(ROOT, '.data'), { recursive: true });
    const root = mkdtempSync(path.join(ROOT, '.data', 'ensure-build-test-'));
    temps.push(root);
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'vite.config.ts'), 'export default {};\n');
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="app"></div><script type="module" src="/src/main.ts"></script>\n');
    writeFileSync(path.join(root, 'src', 'main.ts'), 'document.getElementById("app")!.textContent = "built";\n');
    writeFileSync(path.join(root, 'src', 'entry-server.tsx'), 'export const createPageRenderer = () => async () => null;\n');
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);

    const results = await Promise.all([ensureBuild(root, log), ensureBuild(root, log)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(lines).toContain('Another process is building the app; waiting for it…');
    const dist = path.join(root, 'dist');
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const script = /src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(readFileSync(path.join(dist, script ?? 'missing'), 'utf8')).toMatch(/[`"']built[`"']/);
    // With the server's renderer of the list, in a folder the static server never serves.
    expect(readFileSync(path.join(dist, '.ssr', 'entry-server.js'), 'utf8')).toContain('createPageRenderer');
    expect(buildIsFresh(root, dist)).toBe(true);
    expect(readdirSync(path.join(root, '.data')).filter((n) => n.startsWith('build-') || n.startsWith('dist-old-'))).toEqual([]);
    expect(await ensureBuild(root, log)).toBe(false);

    // A source edit makes the next start rebuild and swap the new output in.
    const future = new Date(Date.now() + 5_000);
    writeFileSync(path.join(root, 'src', 'main.ts'), 'document.getElementById("app")!.textContent = "rebuilt";\n');
    utimesSync(path.join(root, 'src', 'main.ts'), future, future);
    expect(await ensureBuild(root, log)).toBe(true);
    const html2 = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const script2 = /src="\/(assets\/[^"]+\.js)"/.exec(html2)?.[1];
    expect(readFileSync(path.join(dist, script2 ?? 'missing'), 'utf8')).toContain('rebuilt');
    // A page still running the previous build can load its (old) chunks.
    expect(script2).not.toBe(script);
    expect(readFileSync(path.join(dist, script ?? 'missing'), 'utf8')).toMatch(/[`"']built[`"']/);
  }, 120_000);
});

describe('the built app', () => {
  it('contains no trace of HUBSPOT_ACCESS_TOKEN set at build time', async () => {
    const sample = 'pat-na1-BUILDTIME-SECRET-4b8e1c0d-leak-check';
    const outDir = tempDir('hca-build-');
    const saved = { token: process.env.HUBSPOT_ACCESS_TOKEN };
    process.env.HUBSPOT_ACCESS_TOKEN = sample;
    try {
      const { build } = await import('vite');
      await build({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    } finally {
      if (saved.token === undefined) delete process.env.HUBSPOT_ACCESS_TOKEN;
      else process.env.HUBSPOT_ACCESS_TOKEN = saved.token;
    }
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(outDir);
    expect(files.some((f) => f.endsWith('index.html'))).toBe(true);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    const leaking = files.filter((f) => readFileSync(f).includes(sample));
    expect(leaking).toEqual([]);
  }, 120_000);
});
