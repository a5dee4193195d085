/** The app database's migrations: applied once, in order, recorded in user_version; a newer file is refused. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppDb } from './connection.ts';
import { migrate, MIGRATIONS } from './schema.ts';
import { createView, listViews } from './views.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'hca-store-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('app database migrations', () => {
  it('bring a new file to the latest version, and a later migration applies once on an existing file, keeping its data', () => {
    const file = path.join(temp, 'app.sqlite');
    const db = openAppDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    createView(db, { name: 'Inbound', search: 'direction=INBOUND', columns: null, density: null });
    db.close();

    const next = [...MIGRATIONS, { version: MIGRATIONS.length + 1, up: 'CREATE TABLE later_feature (id INTEGER PRIMARY KEY, computed_at TEXT NOT NULL);' }];
    const raw = new Database(file);
    migrate(raw, next);
    migrate(raw, next); // nothing left to apply: no "table later_feature already exists"
    expect(raw.pragma('user_version', { simple: true })).toBe(next.length);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'later_feature'").pluck().get()).toBe('later_feature');
    expect(listViews(raw).map((v) => v.name)).toEqual(['Inbound']);
    raw.close();
  });

  it('refuse a file written by a newer version of the app', () => {
    const file = path.join(temp, 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openAppDb(file)).toThrow(`The app database is at schema version 99, newer than this app knows (${MIGRATIONS.length}). Update the app or use another APP_DB.`);
  });

  it('leave a file at its last whole version when a migration fails', () => {
    const db = openAppDb(':memory:');
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, up: 'CREATE TABLE ok (id INTEGER); THIS IS NOT SQL;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'ok'").pluck().get()).toBe(0);
    db.close();
  });
});
