/** The call list rendered on the server (ssr.ts): what a browser receives for GET /calls. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import type { PageRenderer } from '../src/app/server-page.ts';
import { createServerApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import type { Upstream } from './proxy.ts';
import { serverRenderedPages } from './ssr.ts';

const HEAD = '<!doctype html><html><head><title>HubSpot Calls Admin</title></head><body>';
const TAIL = '<script type="module" src="/assets/index.js"></script></body></html>';
const dist = mkdtempSync(path.join(tmpdir(), 'hca-ssr-'));
writeFileSync(path.join(dist, 'index.html'), `${HEAD}<div id="root"></div>${TAIL}`);
// A renderer like the build's: it reads through the proxy it is given and says what it rendered with.
mkdirSync(path.join(dist, '.ssr'));
writeFileSync(
  path.join(dist, '.ssr', 'entry-server.js'),
  `export function createPageRenderer(fetchInProcess) {
    return async (url, timeZone) => {
      const res = await fetchInProcess('http://calls-admin.internal/hubspot-connection', {});
      const { apiVersion } = await res.json();
      return { html: '<p>' + url.pathname + url.search + ' in ' + timeZone + ' over ' + apiVersion + '</p>', stateElement: '<script type="application/json" id="server-page-state">{}</script>' };
    };
  }`,
);
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const upstream: Upstream = { mode: 'hubspot', host: 'fake', baseUrl: 'http://fake.example', fetch: async () => new Response('{}') };
const config = (patch: Partial<ServerConfig> = {}): ServerConfig => ({
  host: '127.0.0.1',
  port: 4173,
  adminUser: 'admin',
  upstream: { mode: 'hubspot', baseUrl: 'http://fake.example' },
  apiVersion: '2026-09',
  timeoutMs: 1000,
  appDb: ':memory:',
  ...patch,
});
const desktop = { host: '127.0.0.1:4173', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36' };

describe('GET /calls on `npm start`', () => {
  it('is index.html with the list rendered in #root, under the app’s security headers, and never cached', async () => {
    const app = createServerApp({ config: config(), upstream, distDir: dist });
    const res = await app.request('http://127.0.0.1:4173/calls?q=acme', { headers: desktop });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toBe(
      `${HEAD}<div id="root"><p>/calls?q=acme in UTC over 2026-09</p></div><script type="application/json" id="server-page-state">{}</script>${TAIL}`,
    );
  });

  it('renders times in the zone the browser’s cookie names, when Intl knows it', async () => {
    const app = createServerApp({ config: config(), upstream, distDir: dist });
    const page = async (cookie: string) => (await app.request('http://127.0.0.1:4173/calls', { headers: { ...desktop, cookie } })).text();
    expect(await page('tz=Asia%2FTokyo')).toContain('in Asia/Tokyo over');
    expect(await page('tz=Mars%2FOlympus_Mons')).toContain('in UTC over');
  });

  it('asks to sign in first behind ADMIN_PASSWORD', async () => {
    const app = createServerApp({ config: config({ host: '0.0.0.0', adminPassword: 'correct horse' }), upstream, distDir: dist });
    const res = await app.request('http://calls.example.com/calls', { headers: desktop });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('over 2026-09');
  });
});

describe('the page’s head goes out before the data is read, so the browser fetches the scripts meanwhile', () => {
  it('plain, and gzipped for a browser that accepts it', async () => {
    for (const encoding of ['', 'gzip, deflate, br']) {
      let finish = (_page: { html: string; stateElement: string }) => {};
      const app = new Hono();
      const renderer: PageRenderer = () => new Promise((resolve) => (finish = resolve));
      app.get('/calls', serverRenderedPages({ distDir: dist, fetch: () => new Response(), loadRenderer: async () => renderer }));
      const res = await app.request('http://127.0.0.1:4173/calls', { headers: { ...desktop, 'accept-encoding': encoding } });
      expect(res.headers.get('content-encoding')).toBe(encoding ? 'gzip' : null);
      // A partial gzip stream decodes up to its last flush.
      const decode = (bytes: Uint8Array) => (encoding ? gunzipSync(bytes, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString() : new TextDecoder().decode(bytes));
      const reader = res.body!.getReader();
      const received: Uint8Array[] = [];
      const bytes = () => Buffer.concat(received);
      while (decode(bytes()) !== HEAD) received.push((await reader.read()).value!);
      finish({ html: '<p>rows</p>', stateElement: '' });
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received.push(chunk.value);
      expect(decode(bytes())).toBe(`${HEAD}<div id="root"><p>rows</p></div>${TAIL}`);
    }
  });
});

describe('when the page cannot be rendered, the browser gets the plain app', () => {
  const plain = `${HEAD}<div id="root"></div>${TAIL}`;
  function appWith(renderer: PageRenderer | null, log: string[] = []) {
    const app = new Hono();
    app.get('/calls', serverRenderedPages({ distDir: dist, fetch: () => new Response(), loadRenderer: async () => renderer, budgetMs: 100, log: (line) => void log.push(line) }));
    app.get('/calls', (c) => c.html(plain));
    return app;
  }
  const get = (app: Hono, headers: Record<string, string> = desktop) => app.request('http://127.0.0.1:4173/calls', { headers });
  const page = { html: '<p>rows</p>', stateElement: '' };

  it('when the renderer has no page for the address (e.g. HubSpot refused a read)', async () => {
    expect(await (await get(appWith(async () => null))).text()).toBe(plain);
  });

  it('when HubSpot is slower than the page can wait', async () => {
    const slow: PageRenderer = () => new Promise((resolve) => setTimeout(() => resolve(page), 1_000));
    expect(await (await get(appWith(slow))).text()).toBe(plain);
  });

  it('when rendering fails, which the server log says', async () => {
    const log: string[] = [];
    const res = await get(appWith(() => Promise.reject(new Error('boom')), log));
    expect(await res.text()).toBe(plain);
    expect(log).toEqual(['Could not render /calls on the server: boom']);
  });

  it('for a phone, whose cards the server cannot know it needs, and without a built renderer', async () => {
    const iphone = { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148' };
    expect(await (await get(appWith(async () => page), iphone)).text()).toBe(plain);
    expect(await (await get(appWith(async () => page), { 'sec-ch-ua-mobile': '?1' })).text()).toBe(plain);
    expect(await (await get(appWith(null))).text()).toBe(plain);
    expect(await (await get(appWith(async () => page))).text()).toContain('<div id="root"><p>rows</p></div>');
  });

  it('for anything but a page opening in a tab: another site’s <img src="/calls"> or a HEAD reads nothing from HubSpot', async () => {
    let reads = 0;
    const app = appWith(async () => {
      reads += 1;
      return page;
    });
    expect(await (await get(app, { ...desktop, 'sec-fetch-dest': 'image', 'sec-fetch-site': 'cross-site' })).text()).toBe(plain);
    expect(await (await get(app, { ...desktop, 'sec-fetch-dest': 'empty' })).text()).toBe(plain);
    expect((await app.request('http://127.0.0.1:4173/calls', { method: 'HEAD', headers: desktop })).status).toBe(200);
    expect(reads).toBe(0);
    expect(await (await get(app, { ...desktop, 'sec-fetch-dest': 'document', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' })).text()).toContain('<p>rows</p>');
    expect(reads).toBe(1);
  });
});
