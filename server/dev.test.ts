import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './serve.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'hca-dev-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `npm run dev`'s entry point and resolves with the URL it prints. */
function startDev(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/dev.ts', '--no-env-file'], {
    cwd: ROOT,
    env: { ...process.env, HUBSPOT_ACCESS_TOKEN: '', HUBSPOT_BASE_URL: '', HUBSPOT_API_VERSION: '', ADMIN_PASSWORD: '', HOST: '127.0.0.1', APP_DB: ':memory:', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Both startup lines: the URL, then the mode (they may arrive in separate chunks).
      const match = /running at (http:\/\/\S+)\s+Mode: .+\n/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`dev server exited with ${code}: ${output}`)));
  });
  return { child, url, output: () => output };
}

describe('npm run dev', () => {
  it('serves the app with HMR and the same proxy, and prints the URL, the mode and what the credential lacks', async () => {
    // The embedded mock simulating a credential without crm.objects.deals.read (MOCK_SCOPES).
    const scopes = 'crm.objects.contacts.read,crm.objects.companies.read,tickets,crm.objects.owners.read,oauth,crm.extensions_calling_transcripts.read';
    const dev = startDev({ PORT: '5197', MOCK_DB: path.join(dir, 'dev.sqlite'), MOCK_SCOPES: scopes });
    try {
      const url = await dev.url;
      expect(url).toBe('http://127.0.0.1:5197/');
      expect(dev.output()).toContain('Mode: embedded HubSpot mock');

      const page = await fetch(`${url}calls/1`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('/@vite/client');
      expect(html).toContain('<div id="root">');

      expect(await (await fetch(`${url}hubspot-connection`)).json()).toEqual({
        mode: 'mock',
        host: 'embedded',
        apiVersion: '2026-09',
        credential: { status: 'missing-scopes', checkedAt: expect.any(String), missingScopes: [{ scope: 'crm.objects.deals.read', effect: 'deals will not show on calls' }] },
      });
      await expect.poll(dev.output, { timeout: 10_000 }).toContain('Credential: the token lacks a scope the app needs:\n  - crm.objects.deals.read: deals will not show on calls\n');
      const owners = await fetch(`${url}hubspot/crm/owners/2026-09`);
      expect(owners.status).toBe(200);
      expect(((await owners.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
      const refused = await fetch(`${url}hubspot/crm/v3/owners`);
      expect(refused.status).toBe(403);
    } finally {
      dev.child.kill('SIGTERM');
    }
  }, 60_000);

  it('asks for the admin password on every route when ADMIN_PASSWORD is set', async () => {
    const dev = startDev({ PORT: '5198', MOCK_DB: path.join(dir, 'dev2.sqlite'), ADMIN_PASSWORD: 'open sesame, please' });
    try {
      const url = await dev.url;
      for (const p of ['', 'src/main.tsx', 'hubspot-connection', 'hubspot/crm/owners/2026-09']) {
        const res = await fetch(`${url}${p}`);
        expect(`${p} ${res.status}`).toBe(`${p} 401`);
      }
      const ok = await fetch(`${url}hubspot-connection`, { headers: { authorization: `Basic ${btoa('admin:open sesame, please')}` } });
      expect(ok.status).toBe(200);
    } finally {
      dev.child.kill('SIGTERM');
    }
  }, 60_000);
});
