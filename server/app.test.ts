/** The server app as a browser meets it: links from other sites, sign-in throttling (issue 11, findings 5 and 6). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServerApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import type { Upstream } from './proxy.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'hca-app-'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>HubSpot Calls Admin</title><div id="root"></div>');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const upstream: Upstream = {
  mode: 'hubspot',
  host: 'fake',
  baseUrl: 'http://fake.example',
  fetch: async () => new Response('{"results":[]}', { headers: { 'content-type': 'application/json' } }),
};

function config(patch: Partial<ServerConfig> = {}): ServerConfig {
  return { host: '127.0.0.1', port: 4173, adminUser: 'admin', upstream: { mode: 'hubspot', baseUrl: 'http://fake.example' }, apiVersion: '2026-09', timeoutMs: 1000, appDb: ':memory:', ...patch };
}

/** What Chromium sends when a link on another site (an e-mail, a wiki, HubSpot) opens the page. */
const crossSiteNavigation = { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', 'sec-fetch-user': '?1' };
const PASSWORD = 'correct horse battery';
const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;

describe('links from other sites', () => {
  it('open the app on loopback', async () => {
    const app = createServerApp({ config: config(), upstream, distDir: dist });
    const res = await app.request('http://127.0.0.1:4173/calls?sort=-hs_timestamp', { headers: { host: '127.0.0.1:4173', ...crossSiteNavigation } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });

  it('open the app behind ADMIN_PASSWORD once signed in, and ask to sign in before', async () => {
    const app = createServerApp({ config: config({ host: '0.0.0.0', adminPassword: PASSWORD }), upstream, distDir: dist });
    const signedIn = await app.request('http://calls.example.com/calls/123', { headers: { ...crossSiteNavigation, authorization: basic('admin', PASSWORD) } });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.text()).toContain('<div id="root">');
    const notYet = await app.request('http://calls.example.com/calls/123', { headers: crossSiteNavigation });
    expect(notYet.status).toBe(401);
    expect(notYet.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('still cannot use the proxy or change anything', async () => {
    const app = createServerApp({ config: config(), upstream, distDir: dist });
    const headers = { host: '127.0.0.1:4173', 'sec-fetch-site': 'cross-site' };
    for (const [method, p] of [
      ['GET', '/hubspot/crm/objects/2026-09/calls'],
      ['GET', '/hubspot-connection'],
      ['DELETE', '/hubspot/crm/objects/2026-09/calls/1'],
      ['POST', '/calls'],
    ] as const) {
      const res = await app.request(`http://127.0.0.1:4173${p}`, { method, headers });
      expect(`${method} ${p} ${res.status}`).toBe(`${method} ${p} 403`);
      expect(await res.json()).toMatchObject({ category: 'FORBIDDEN', message: 'Cross-site requests to the HubSpot proxy are not allowed.' });
    }
  });
});

describe('sign-in throttling', () => {
  function guarded() {
    let now = Date.parse('2026-11-30T10:00:00.000Z');
    const lines: string[] = [];
    const app = createServerApp({
      config: config({ host: '0.0.0.0', adminPassword: PASSWORD }),
      upstream,
      distDir: dist,
      log: (line) => lines.push(line),
      now: () => now,
    });
    /** A request from `address` (the socket's peer, as @hono/node-server passes it). */
    const from = (address: string, password: string) =>
      app.request('http://calls.example.com/calls', { headers: { authorization: basic('admin', password) } }, { incoming: { socket: { remoteAddress: address } } });
    return { from, lines, advance: (ms: number) => void (now += ms) };
  }

  it('answers 429 with Retry-After after five wrong passwords, for longer each time, and lets the right one in afterwards', async () => {
    const { from, advance } = guarded();
    for (let i = 1; i <= 5; i += 1) expect(`attempt ${i}: ${(await from('203.0.113.7', `guess-${i}-xxxxxxx`)).status}`).toBe(`attempt ${i}: 401`);

    const locked = await from('203.0.113.7', 'guess-6-xxxxxxx');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
    expect(await locked.text()).toBe('Too many failed sign-in attempts. Try again in 1 s.');
    // While locked, even the right password waits: guessing gains nothing.
    expect((await from('203.0.113.7', PASSWORD)).status).toBe(429);
    // Another address is not affected.
    expect((await from('198.51.100.4', PASSWORD)).status).toBe(200);

    advance(1000);
    expect((await from('203.0.113.7', 'guess-7-xxxxxxx')).status).toBe(401);
    const longer = await from('203.0.113.7', 'guess-8-xxxxxxx');
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('2');

    advance(2000);
    expect((await from('203.0.113.7', PASSWORD)).status).toBe(200);
    // A success forgets the failures: the next mistake is free again.
    expect((await from('203.0.113.7', 'typo-xxxxxxxxxxx')).status).toBe(401);
    expect((await from('203.0.113.7', PASSWORD)).status).toBe(200);
  });

  it('logs failed attempts with the address and never the password', async () => {
    const { from, lines } = guarded();
    for (let i = 1; i <= 6; i += 1) await from('203.0.113.7', `Secret-Guess-${i}`);
    expect(lines[0]).toBe('[auth] failed sign-in from 203.0.113.7 (wrong user name or password, 1 in a row)');
    expect(lines).toContain('[auth] 203.0.113.7 may not sign in for 1 s after 5 failed attempts');
    expect(lines.join('\n')).not.toMatch(/Secret-Guess|correct horse/);
  });
});
