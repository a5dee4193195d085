/** Where the app database lives: APP_DB (config.ts), default .data/app.sqlite beside the mock's file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('APP_DB', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'hca-appdb-'));

  it('defaults to .data/app.sqlite, resolves a relative path against the working folder, and keeps :memory:', () => {
    expect(loadConfig({ env: {}, cwd, defaultPort: 1 }).appDb).toBe(path.join(cwd, '.data/app.sqlite'));
    expect(loadConfig({ env: { APP_DB: 'state/team.sqlite' }, cwd, defaultPort: 1 }).appDb).toBe(path.join(cwd, 'state/team.sqlite'));
    expect(loadConfig({ env: { APP_DB: ':memory:' }, cwd, defaultPort: 1 }).appDb).toBe(':memory:');
  });

  it('must not be the mock database', () => {
    expect(() => loadConfig({ env: { APP_DB: 'one.sqlite', MOCK_DB: './one.sqlite' }, cwd, defaultPort: 1 })).toThrow(
      new ConfigError('APP_DB must be another file than MOCK_DB.'),
    );
  });
});
