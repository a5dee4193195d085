/** The CLI's flags reach the server: `npm run mock -- --db ... --seed ... --seed-calls ... --rate-limit --fail-rate --latency --token --batch-207 --search-lag --custom-call-labels`. */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, request, startCli, type CliServer } from './cli-process';
import { check, checkError, parse, type Res } from './helpers';
import { listPage, rateLimitBody, searchPage } from './schemas';

function call(base: string, method: string, path: string, token = 'cli-token', body?: unknown): Promise<Res> {
  return request(base, method, path, token, body);
}

describe('mock CLI flags', () => {
  const running: CliServer[] = [];
  afterAll(async () => {
    for (const s of running) await s.stop('SIGKILL');
  });

  it('--db :memory: --seed empty --seed-calls N --token T', async () => {
    const s = await startCli({ db: ':memory:', token: 'cli-token', args: ['--seed', 'empty', '--seed-calls', '37'] });
    running.push(s);
    expect(check(await call(s.base, 'POST', '/crm/v3/objects/calls/search', 'cli-token', { limit: 1 }), 200, searchPage).total).toBe(37);
    expect(check(await call(s.base, 'POST', '/crm/v3/objects/contacts/search', 'cli-token', { limit: 1 }), 200, searchPage).total).toBe(0);
    checkError(await call(s.base, 'GET', '/crm/v3/objects/calls', 'other-token'), 401, 'INVALID_AUTHENTICATION');
    await s.stop('SIGTERM');
  }, 90_000);

  it('--rate-limit answers 429 once the burst bucket is spent; --latency still answers', async () => {
    const limited = await startCli({ db: ':memory:', args: ['--seed', 'empty', '--rate-limit'] });
    running.push(limited);
    let hit: Res | undefined;
    for (let i = 0; i < 400 && !hit; i++) {
      const r = await call(limited.base, 'GET', '/crm/v3/objects/calls?limit=1', 'any');
      if (r.status === 429) hit = r;
      else check(r, 200, listPage);
    }
    expect(hit, 'a 429 within 400 requests').toBeDefined();
    parse(rateLimitBody, hit?.body);
    expect(hit?.headers.get('retry-after')).toMatch(/^\d+$/);
    await limited.stop('SIGTERM');

    const slow = await startCli({ db: ':memory:', args: ['--seed', 'empty', '--latency', '5'] });
    running.push(slow);
    check(await call(slow.base, 'GET', '/crm/v3/objects/calls', 'any'), 200, listPage);
    await slow.stop('SIGTERM');
  }, 90_000);

  it('--fail-rate 1 answers every request with an error body', async () => {
    const s = await startCli({ db: ':memory:', args: ['--seed', 'empty', '--fail-rate', '1'], readyOnAnyAnswer: true });
    running.push(s);
    for (let i = 0; i < 5; i++) {
      const r = await call(s.base, 'GET', '/crm/v3/objects/calls', 'any');
      expect(r.status === 429 || (r.status >= 500 && r.status < 600 && r.status !== 500), `HTTP ${r.status}`).toBe(true);
      if (r.status !== 429) checkError(r, r.status);
    }
    await s.stop('SIGTERM');
  }, 90_000);

  it('--batch-207 --search-lag MS --custom-call-labels: the lenient batches, a lagging search, custom call labels', async () => {
    const s = await startCli({ db: ':memory:', args: ['--seed', 'empty', '--batch-207', '--search-lag', '600000', '--custom-call-labels'] });
    running.push(s);
    const created = await call(s.base, 'POST', '/crm/v3/objects/calls', 'any', { properties: { hs_timestamp: '2026-01-15T10:00:00Z', hs_call_title: 'cliflag' } });
    const id = (created.body as { id: string }).id;
    const batch = await call(s.base, 'POST', '/crm/v3/objects/calls/batch/update', 'any', {
      inputs: [{ id, properties: { hs_call_title: 'cliflag 2' } }, { id: '999999999', properties: { hs_call_title: 'x' } }],
    });
    expect(batch.status).toBe(207);
    expect(check(await call(s.base, 'POST', '/crm/v3/objects/calls/search', 'any', { query: 'cliflag' }), 200, searchPage).total).toBe(0);
    const labels = await call(s.base, 'GET', '/crm/v4/associations/calls/contacts/labels', 'any');
    expect((labels.body as { results: { category: string }[] }).results.map((r) => r.category)).toContain('USER_DEFINED');
    await s.stop('SIGTERM');
  }, 90_000);

  it('--scopes simulates a credential with only those scopes (403 MISSING_SCOPES for others)', async () => {
    const s = await startCli({ db: ':memory:', args: ['--seed', 'empty', '--scopes', 'crm.objects.contacts.read,tickets'] });
    running.push(s);
    check(await call(s.base, 'GET', '/crm/v3/objects/tickets', 'any'), 200, listPage);
    const refused = checkError(await call(s.base, 'GET', '/crm/v3/objects/deals', 'any'), 403, 'MISSING_SCOPES');
    expect(refused.errors?.[0]?.context).toEqual({ requiredScopes: ['crm.objects.deals.read'] });
    expect(s.output()).toContain('Scopes granted: crm.objects.contacts.read, tickets (403 MISSING_SCOPES for others)');
    await s.stop('SIGTERM');
  }, 90_000);

  it('refuses an unknown scope name (a typo would grant nothing)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/mock/cli.ts', '--scopes', 'crm.objects.deal.read'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--scopes: unknown scope crm.objects.deal.read');
  }, 90_000);

  it('rejects an unknown flag with a usage message and a non-zero exit', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/mock/cli.ts', '--no-such-flag'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/--port/);
  }, 90_000);
});
