import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertSafeBinding, ConfigError, describeUpstream, isLoopbackHost, loadConfig, readEnv } from './config.ts';

function dirWithEnvFile(text?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hca-config-'));
  if (text !== undefined) writeFileSync(path.join(dir, '.env.local'), text);
  return dir;
}

describe('server config', () => {
  it('defaults to the embedded mock on .data/hubspot-mock.sqlite (strict batches, 1.1 s search lag), loopback, 30 s timeout', () => {
    const cwd = dirWithEnvFile();
    const config = loadConfig({ env: {}, cwd, defaultPort: 4173 });
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4173, timeoutMs: 30_000, adminUser: 'admin' });
    expect(config.upstream).toEqual({ mode: 'mock', dbFile: path.join(cwd, '.data/hubspot-mock.sqlite'), batchMode: 'atomic', searchLagMs: 1100 });
    expect(describeUpstream(config.upstream, cwd)).toBe('embedded HubSpot mock (demo data in .data/hubspot-mock.sqlite)');
  });

  it('MOCK_BATCH_MODE, MOCK_SEARCH_LAG_MS and MOCK_CALL_LABELS set the embedded mock\'s leniency', () => {
    const cwd = dirWithEnvFile();
    const env = { MOCK_BATCH_MODE: 'per-item', MOCK_SEARCH_LAG_MS: '0', MOCK_CALL_LABELS: 'custom' };
    expect(loadConfig({ env, cwd, defaultPort: 1 }).upstream).toMatchObject({ mode: 'mock', batchMode: 'per-item', searchLagMs: 0, customCallLabels: true });
    expect(loadConfig({ env: { MOCK_CALL_LABELS: 'hubspot' }, cwd, defaultPort: 1 }).upstream).not.toHaveProperty('customCallLabels');
    expect(() => loadConfig({ env: { MOCK_BATCH_MODE: '207' }, cwd, defaultPort: 1 })).toThrow(/MOCK_BATCH_MODE must be one of atomic, per-item/);
    expect(() => loadConfig({ env: { MOCK_SEARCH_LAG_MS: '-1' }, cwd, defaultPort: 1 })).toThrow(/MOCK_SEARCH_LAG_MS/);
    expect(() => loadConfig({ env: { MOCK_CALL_LABELS: 'yes' }, cwd, defaultPort: 1 })).toThrow(/MOCK_CALL_LABELS/);
  });

  it('uses api.hubapi.com when a token is set, and HUBSPOT_BASE_URL when given', () => {
    const cwd = dirWithEnvFile();
    expect(loadConfig({ env: { HUBSPOT_ACCESS_TOKEN: 'pat-1' }, cwd, defaultPort: 1 }).upstream).toEqual({
      mode: 'hubspot',
      baseUrl: 'https://api.hubapi.com',
      token: 'pat-1',
    });
    expect(loadConfig({ env: { HUBSPOT_BASE_URL: 'http://127.0.0.1:4010/' }, cwd, defaultPort: 1 }).upstream).toEqual({
      mode: 'hubspot',
      baseUrl: 'http://127.0.0.1:4010',
    });
    expect(describeUpstream({ mode: 'hubspot', baseUrl: 'https://api.hubapi.com', token: 'pat-1' })).not.toContain('pat-1');
  });

  it('MOCK_SCOPES gives the embedded mock a credential with only those scopes', () => {
    const cwd = dirWithEnvFile();
    expect(loadConfig({ env: { MOCK_SCOPES: ' crm.objects.contacts.read, tickets,' }, cwd, defaultPort: 1 }).upstream).toEqual({
      mode: 'mock',
      dbFile: path.join(cwd, '.data/hubspot-mock.sqlite'),
      batchMode: 'atomic',
      searchLagMs: 1100,
      scopes: ['crm.objects.contacts.read', 'tickets'],
    });
  });

  it('reads .env.local, and a variable set in the environment (even to empty) wins', () => {
    const cwd = dirWithEnvFile('# local settings\nHUBSPOT_ACCESS_TOKEN="pat-from-file"\nexport PORT=5000\nADMIN_PASSWORD=\'correct horse battery\' \n');
    const fromFile = loadConfig({ env: {}, cwd, defaultPort: 1 });
    expect(fromFile.upstream).toMatchObject({ mode: 'hubspot', token: 'pat-from-file' });
    expect(fromFile.port).toBe(5000);
    expect(fromFile.adminPassword).toBe('correct horse battery');
    expect(loadConfig({ env: { HUBSPOT_ACCESS_TOKEN: '' }, cwd, defaultPort: 1 }).upstream.mode).toBe('mock');
    expect(loadConfig({ env: {}, cwd, defaultPort: 1, envFile: false }).upstream.mode).toBe('mock');
  });

  it('rejects settings that would leak the token or cannot work', () => {
    const cwd = dirWithEnvFile();
    expect(() => loadConfig({ env: { HUBSPOT_ACCESS_TOKEN: 't', HUBSPOT_BASE_URL: 'http://hubspot.example.com' }, cwd, defaultPort: 1 })).toThrow(
      /must use https/,
    );
    expect(() => loadConfig({ env: { HUBSPOT_BASE_URL: 'not a url' }, cwd, defaultPort: 1 })).toThrow(ConfigError);
    expect(() => loadConfig({ env: { PORT: 'eighty' }, cwd, defaultPort: 1 })).toThrow(/PORT/);
    expect(() => loadConfig({ env: { HUBSPOT_TIMEOUT_MS: '-5' }, cwd, defaultPort: 1 })).toThrow(/HUBSPOT_TIMEOUT_MS/);
  });

  it('speaks HubSpot API 2026-09 unless HUBSPOT_API_VERSION picks 2026-03 or legacy', () => {
    const cwd = dirWithEnvFile();
    expect(loadConfig({ env: {}, cwd, defaultPort: 1 }).apiVersion).toBe('2026-09');
    expect(loadConfig({ env: { HUBSPOT_API_VERSION: ' ' }, cwd, defaultPort: 1 }).apiVersion).toBe('2026-09');
    expect(loadConfig({ env: { HUBSPOT_API_VERSION: '2026-03' }, cwd, defaultPort: 1 }).apiVersion).toBe('2026-03');
    expect(loadConfig({ env: { HUBSPOT_API_VERSION: 'legacy ' }, cwd, defaultPort: 1 }).apiVersion).toBe('legacy');
    expect(loadConfig({ env: {}, cwd: dirWithEnvFile('HUBSPOT_API_VERSION=legacy\n'), defaultPort: 1 }).apiVersion).toBe('legacy');
  });

  it.each(['v3', '2025-09', '2026-9', 'LEGACY'])('refuses HUBSPOT_API_VERSION=%s and names the choices', (value) => {
    const cwd = dirWithEnvFile();
    expect(() => loadConfig({ env: { HUBSPOT_API_VERSION: value }, cwd, defaultPort: 1 })).toThrow(
      new ConfigError(
        `HUBSPOT_API_VERSION must be one of 2026-09 (the default), 2026-03, legacy, got "${value}". ` +
          'The dates are HubSpot\'s date-versioned APIs; "legacy" is the v3/v4 paths (/crm/v3/..., /crm/v4/...).',
      ),
    );
  });

  it('requires ADMIN_PASSWORD for a non-loopback HOST', () => {
    const cwd = dirWithEnvFile();
    expect(() => assertSafeBinding(loadConfig({ env: { HOST: '0.0.0.0' }, cwd, defaultPort: 1 }))).toThrow(/ADMIN_PASSWORD/);
    expect(() => assertSafeBinding(loadConfig({ env: { HOST: '0.0.0.0', ADMIN_PASSWORD: 'correct horse battery' }, cwd, defaultPort: 1 }))).not.toThrow();
    expect(() => assertSafeBinding(loadConfig({ env: { HOST: 'localhost' }, cwd, defaultPort: 1 }))).not.toThrow();
    expect(['127.0.0.1', '::1', '[::1]', 'localhost', '127.1.2.3'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.10', 'example.com'].some(isLoopbackHost)).toBe(false);
  });

  it('parses .env syntax (with Node\'s util.parseEnv)', () => {
    const cwd = dirWithEnvFile('A=1\n#c\n\nB = two words # note\nC="x#y"\nexport D=4\nbad line');
    expect(readEnv({ env: {}, cwd }).env).toEqual({ A: '1', B: 'two words', C: 'x#y', D: '4' });
  });
});

describe('settings that are refused at startup', () => {
  it('refuses a token with a line break or other control character, and never repeats the token', () => {
    const cwd = dirWithEnvFile();
    for (const token of ['pat-na1-AAAA\nBBBB-secret', 'pat-na1-AAAA\tBBBB-secret', 'pat-na1-AAAA\u0000BBBB-secret']) {
      let error: unknown;
      try {
        loadConfig({ env: { HUBSPOT_ACCESS_TOKEN: token }, cwd, defaultPort: 1 });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/^HUBSPOT_ACCESS_TOKEN contains a control character \(line break, tab or similar\) at position 13/);
      expect(message).not.toContain('AAAA');
      expect(message).not.toContain('secret');
    }
    // A line break around the token (as pasted from a file) is trimmed, not refused.
    expect(loadConfig({ env: { HUBSPOT_ACCESS_TOKEN: 'pat-na1-AAAA\n' }, cwd, defaultPort: 1 }).upstream).toMatchObject({ token: 'pat-na1-AAAA' });
  });

  it('refuses an ADMIN_PASSWORD shorter than 12 characters and says what is required', () => {
    const cwd = dirWithEnvFile();
    expect(() => loadConfig({ env: { ADMIN_PASSWORD: 'hunter2' }, cwd, defaultPort: 1 })).toThrow(
      'ADMIN_PASSWORD is too short: use at least 12 characters',
    );
    expect(loadConfig({ env: { ADMIN_PASSWORD: 'twelve chars' }, cwd, defaultPort: 1 }).adminPassword).toBe('twelve chars');
  });
});
