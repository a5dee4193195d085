import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from '../clock.js';
import { seedAccount, seedDemo, seedGeneratedCalls } from '../seed/index.js';
import { MockDb } from './db.js';
import { migrate } from './schema.js';

export { MockDb } from './db.js';
export * from './types.js';

export interface OpenMockDbOptions {
  /** SQLite file path, or ':memory:'. Parent directories are created. */
  file: string;
  /** Data for a new database (default 'demo'); ignored for an existing one. */
  seed?: 'demo' | 'empty';
  /** Extra generated calls added to a new database (benchmarks), up to 1,000,000. */
  seedCalls?: number;
  clock?: Clock;
  /**
   * Also seed custom labels between calls and records ("Decision maker", …) into a new database,
   * which HubSpot does not allow: for clients whose tests still rely on them (default false).
   */
  customCallLabels?: boolean;
}

export const MAX_SEED_CALLS = 1_000_000;

/**
 * Opens (or creates) the mock's database. A new database gets the account configuration
 * (owners, call outcomes, association types), then the chosen seed and `seedCalls`
 * generated calls, all in one transaction. An existing database is only migrated.
 */
export function openMockDb(opts: OpenMockDbOptions): MockDb {
  const clock = opts.clock ?? systemClock;
  const file = opts.file;
  if (file !== ':memory:' && file !== '') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new MockDb(file);
  try {
    const isNew = migrate(db.sqlite);
    if (isNew || db.getMeta('seeded') === undefined) {
      const seedCalls = Math.max(0, Math.min(MAX_SEED_CALLS, Math.floor(opts.seedCalls ?? 0)));
      db.tx(() => {
        seedAccount(db, clock, opts.customCallLabels ?? false);
        if ((opts.seed ?? 'demo') === 'demo') seedDemo(db, clock);
        seedGeneratedCalls(db, clock, seedCalls);
        db.setMeta('seeded', JSON.stringify({ seed: opts.seed ?? 'demo', seedCalls, at: new Date(clock.now()).toISOString() }));
      });
      db.invalidate();
      db.analyze();
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}
