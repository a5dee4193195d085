/**
 * The credential check against the real mock (server/mock, in memory) simulating a credential with some
 * scopes: what the check reports, what `/hubspot-connection` tells the UI, and what is printed at start.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { API_VERSIONS } from '../src/api/hubspot-paths.ts';
import { createServerApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import { freePort } from './free-port.ts';
import { checkCredential, createCredentialCheck, describeCredential } from './credential.ts';
import { createMockApp } from './mock/app.ts';
import { openMockDb } from './mock/store/index.ts';
import { embeddedMockUpstream, httpUpstream, type Upstream } from './proxy.ts';

const ALL_READ_SCOPES = [
  'crm.objects.contacts.read',
  'crm.objects.companies.read',
  'crm.objects.deals.read',
  'tickets',
  'crm.objects.owners.read',
  'oauth',
  'crm.extensions_calling_transcripts.read',
];
const without = (...lacking: string[]) => ALL_READ_SCOPES.filter((s) => !lacking.includes(s));

const opened: Upstream[] = [];
afterEach(() => {
  for (const u of opened.splice(0)) u.close?.();
});

async function mockUpstream(scopes?: string[]): Promise<Upstream> {
  const upstream = await embeddedMockUpstream({ dbFile: ':memory:', ...(scopes ? { scopes } : {}) });
  opened.push(upstream);
  return upstream;
}

/** An upstream whose HubSpot answers come from `mock`, counting the requests it forwards. */
function counted(mock: { current: Upstream }): Upstream & { requests: string[] } {
  const requests: string[] = [];
  return {
    mode: 'hubspot',
    host: 'api.hubapi.com',
    baseUrl: 'http://hubspot.test',
    token: 'pat-na1-counted-token',
    requests,
    fetch: (request) => {
      const url = new URL(request.url);
      requests.push(`${request.method} ${url.pathname}${url.search}`);
      const headers = new Headers(request.headers);
      if (mock.current.token) headers.set('authorization', `Bearer ${mock.current.token}`);
      return mock.current.fetch(new Request(`${mock.current.baseUrl}${url.pathname}${url.search}`, { headers }));
    },
  };
}

function serverConfig(): ServerConfig {
  return { host: '127.0.0.1', port: 4173, adminUser: 'admin', upstream: { mode: 'hubspot', baseUrl: 'http://hubspot.test' }, apiVersion: '2026-09', timeoutMs: 5000, appDb: ':memory:' };
}
const local = { host: '127.0.0.1:4173' };

describe('credential check', () => {
  it('finds nothing missing when the credential has every scope', async () => {
    const report = await checkCredential(await mockUpstream(), { timeoutMs: 5000, apiVersion: '2026-09' });
    expect(report).toEqual({ status: 'ok', checkedAt: expect.any(String) });
  });

  // Each family's paths, written out (not built with the app's path module, which would check it against itself).
  const FAMILY = {
    '2026-09': /^GET \/(?:crm\/(?:objects|owners|extensions\/calling)|account-info)\/2026-09[/?]/,
    '2026-03': /^GET \/(?:crm\/(?:objects|owners|extensions\/calling)|account-info)\/2026-03[/?]/,
    legacy: /^GET \/(?:crm\/v3\/(?:objects|owners|extensions\/calling)|account-info\/v3)[/?]/,
  };
  it.each(API_VERSIONS)('probes the paths of the API family the app speaks (%s), at start and in the badge', async (apiVersion) => {
    const upstream = counted({ current: await mockUpstream(without('tickets')) });
    const report = await checkCredential(upstream, { timeoutMs: 5000, apiVersion });
    expect(report).toMatchObject({ status: 'missing-scopes', missingScopes: [{ scope: 'tickets' }] });
    expect(upstream.requests).toHaveLength(7);
    expect(upstream.requests.filter((r) => !FAMILY[apiVersion].test(r))).toEqual([]);
    // The server's check (start-up report, badge, "Check again") is built from the server's config.
    const credential = createCredentialCheck(upstream, { ...serverConfig(), apiVersion });
    await credential?.run();
    expect(upstream.requests.slice(7).filter((r) => !FAMILY[apiVersion].test(r))).toEqual([]);
    expect(upstream.requests).toHaveLength(14);
  });

  it('names each missing scope and what will not work without it, from HubSpot’s 403 MISSING_SCOPES', async () => {
    const report = await checkCredential(await mockUpstream(without('crm.objects.deals.read', 'crm.objects.owners.read')), { timeoutMs: 5000, apiVersion: '2026-09' });
    expect(report).toEqual({
      status: 'missing-scopes',
      checkedAt: expect.any(String),
      missingScopes: [
        { scope: 'crm.objects.deals.read', effect: 'deals will not show on calls' },
        { scope: 'crm.objects.owners.read', effect: 'call owners show as ids and cannot be chosen or filtered by' },
      ],
    });
    expect(describeCredential(report)).toBe(
      [
        'Credential: the token lacks 2 scopes the app needs:',
        '  - crm.objects.deals.read: deals will not show on calls',
        '  - crm.objects.owners.read: call owners show as ids and cannot be chosen or filtered by',
        '  Add them to the Service Key in HubSpot (README "Connecting to HubSpot"), then restart or press "Check again" in the app.',
      ].join('\n'),
    );
  });

  it('says calls are covered by the contacts scope, and names transcripts and account details', async () => {
    const report = await checkCredential(await mockUpstream(without('crm.objects.contacts.read', 'oauth', 'crm.extensions_calling_transcripts.read')), { timeoutMs: 5000, apiVersion: '2026-09' });
    expect(report.status === 'missing-scopes' && report.missingScopes.map((m) => `${m.scope}: ${m.effect}`)).toEqual([
      'crm.objects.contacts.read: calls cannot be listed, opened or searched (HubSpot covers calls with the contacts scopes), and contacts will not show on calls',
      'oauth: records will not link to their pages in HubSpot',
      'crm.extensions_calling_transcripts.read: call transcripts will not show',
    ]);
  });

  it('reports a token HubSpot refuses (401) without quoting it', async () => {
    const db = openMockDb({ file: ':memory:', seed: 'empty' });
    const mock = createMockApp({ db, token: 'the-right-token' });
    const upstream: Upstream = { mode: 'hubspot', host: 'api.hubapi.com', baseUrl: 'http://hubspot.test', token: 'pat-na1-expired-token', fetch: async (r) => mock.fetch(r) };
    const report = await checkCredential(upstream, { timeoutMs: 5000, apiVersion: '2026-09' });
    db.close();
    expect(report).toEqual({
      status: 'invalid',
      checkedAt: expect.any(String),
      message: 'HubSpot refused the token (401 INVALID_AUTHENTICATION): The access token provided is not valid for this account. Check the Authorization: Bearer header.',
    });
    expect(describeCredential(report)).not.toContain('pat-na1-expired-token');
  });

  it('says it could not check when HubSpot cannot be reached', async () => {
    const port = await freePort();
    const report = await checkCredential(httpUpstream(`http://127.0.0.1:${port}`, 'pat-na1-secret'), { timeoutMs: 5000, apiVersion: '2026-09' });
    expect(report).toEqual({ status: 'unknown', checkedAt: expect.any(String), message: `Could not reach HubSpot (127.0.0.1:${port}): ECONNREFUSED.` });
  });

  it('adds the scopes HubSpot asks for when its body names others than the expected one', async () => {
    const upstream: Upstream = {
      mode: 'hubspot',
      host: 'api.hubapi.com',
      baseUrl: 'http://hubspot.test',
      token: 't',
      fetch: async (r) =>
        new URL(r.url).pathname === '/crm/v3/owners'
          ? Response.json(
              {
                status: 'error',
                message: "This app hasn't been granted all required scopes to make this call.",
                correlationId: 'c0ffee00-0000-4000-8000-000000000001',
                errors: [{ message: 'One or more of the following scopes are required.', context: { requiredScopes: ['contacts'] } }],
                category: 'MISSING_SCOPES',
              },
              { status: 403 },
            )
          : Response.json({ results: [] }),
    };
    const report = await checkCredential(upstream, { timeoutMs: 5000, apiVersion: 'legacy' });
    expect(report.status === 'missing-scopes' && report.missingScopes[0]?.scope).toBe('crm.objects.owners.read (HubSpot asks for one of: contacts)');
  });
});

it('refuses MOCK_SCOPES with a name the mock does not know (a typo would grant nothing)', async () => {
  await expect(embeddedMockUpstream({ dbFile: ':memory:', scopes: ['crm.objects.deal.read'] })).rejects.toThrow(
    /^MOCK_SCOPES names unknown scopes: crm\.objects\.deal\.read\. Known: /,
  );
});

describe('/hubspot-connection', () => {
  it('tells the UI what the check found, checks once, and checks again only on POST /hubspot-connection/check', async () => {
    const lacking = await mockUpstream(without('tickets'));
    const full = await mockUpstream();
    const mock = { current: lacking };
    const upstream = counted(mock);
    const credential = createCredentialCheck(upstream, { timeoutMs: 5000, apiVersion: '2026-09' });
    const app = createServerApp({ config: serverConfig(), upstream, credential });
    await credential?.run();
    const checkRequests = upstream.requests.length;
    expect(checkRequests).toBe(7);

    const first = await app.request('http://127.0.0.1:4173/hubspot-connection', { headers: local });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      mode: 'hubspot',
      host: 'api.hubapi.com',
      apiVersion: '2026-09',
      credential: {
        status: 'missing-scopes',
        checkedAt: expect.any(String),
        missingScopes: [{ scope: 'tickets', effect: 'tickets will not show on calls' }],
      },
    });

    // The admin adds the scope in HubSpot: reading the connection again does not re-check…
    mock.current = full;
    const again = await app.request('http://127.0.0.1:4173/hubspot-connection', { headers: local });
    expect(((await again.json()) as { credential: { status: string } }).credential.status).toBe('missing-scopes');
    expect(upstream.requests.length).toBe(checkRequests);

    // …"Check again" does.
    const checked = await app.request('http://127.0.0.1:4173/hubspot-connection/check', { method: 'POST', headers: { ...local, origin: 'http://127.0.0.1:4173' } });
    expect(checked.status).toBe(200);
    expect(await checked.json()).toEqual({ mode: 'hubspot', host: 'api.hubapi.com', apiVersion: '2026-09', credential: { status: 'ok', checkedAt: expect.any(String) } });
    expect(upstream.requests.length).toBe(2 * checkRequests);
    expect(upstream.requests.every((r) => r.startsWith('GET '))).toBe(true);
  });

  it('refuses "Check again" from another site', async () => {
    const upstream = await mockUpstream();
    const app = createServerApp({ config: serverConfig(), upstream, credential: createCredentialCheck(upstream, { timeoutMs: 5000, apiVersion: '2026-09' }) });
    const res = await app.request('http://127.0.0.1:4173/hubspot-connection/check', { method: 'POST', headers: { ...local, origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
  });

  it('has no credential part when there is no token to check', async () => {
    const upstream = httpUpstream('https://api.hubapi.com');
    expect(createCredentialCheck(upstream, { timeoutMs: 5000, apiVersion: '2026-09' })).toBeUndefined();
    const app = createServerApp({ config: serverConfig(), upstream });
    const res = await app.request('http://127.0.0.1:4173/hubspot-connection', { headers: local });
    expect(await res.json()).toEqual({ mode: 'hubspot', host: 'api.hubapi.com', apiVersion: '2026-09' });
  });
});
