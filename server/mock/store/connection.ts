import Database from 'better-sqlite3';

/** Token match for CONTAINS_TOKEN: whole word, case-insensitive, `*` wildcard. */
function containsToken(text: string | null, pattern: string): boolean {
  if (text === null) return false;
  const p = pattern.trim().toLowerCase();
  if (!p) return false;
  const lower = text.toLowerCase();
  if (p.includes(' ')) return lower.includes(p); // phrase
  const tokens = lower.split(/[^\p{L}\p{N}@._+-]+/u).filter(Boolean);
  const subTokens = lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!p.includes('*')) return tokens.includes(p) || subTokens.includes(p);
  const re = new RegExp(
    '^' + p.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$',
    'u',
  );
  return tokens.some((t) => re.test(t)) || subTokens.some((t) => re.test(t));
}

/** A read-write (WAL) connection to the mock's database with its settings and SQL functions. */
function openConnection(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('mmap_size = 1073741824');
  db.pragma('temp_store = MEMORY');
  // before-write copies of records whose change search does not see yet (search-lag.ts); a temp
  // table belongs to this connection and rolls back with its transactions
  db.exec(`CREATE TEMP TABLE search_lag (
    id INTEGER PRIMARY KEY, type TEXT NOT NULL, archived INTEGER NOT NULL, created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL, archived_at INTEGER, source TEXT NOT NULL, props BLOB NOT NULL,
    search TEXT NOT NULL, visible_at INTEGER NOT NULL
  )`);
  db.function('hs_contains_token', { deterministic: true }, (text: unknown, pattern: unknown) =>
    containsToken(typeof text === 'string' ? text : text == null ? null : String(text), String(pattern)) ? 1 : 0,
  );
  return db;
}

/** Prepared statements kept per connection (cleared beyond this many distinct SQL texts). */
const MAX_STATEMENTS = 2000;

/**
 * The store's read-write connection: prepared statements by SQL text, transactions, and the
 * version that every cache of the mock is keyed by.
 */
export class Connection {
  readonly sqlite: Database.Database;
  readonly file: string;
  private readonly stmts = new Map<string, Database.Statement>();
  private readonly counts = new Map<string, number>();
  private writeGeneration = 0;
  private dataVersionStmt: Database.Statement | undefined;
  private closed = false;

  constructor(file: string) {
    this.file = file;
    this.sqlite = openConnection(file);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stmts.clear();
    this.dataVersionStmt = undefined;
    this.sqlite.close();
  }

  /** Prepared statement cache keyed by SQL text (`raw`: rows come back as arrays). */
  stmt(sql: string, raw = false): Database.Statement {
    const key = raw ? `RAW ${sql}` : sql;
    let s = this.stmts.get(key);
    if (!s) {
      if (this.stmts.size > MAX_STATEMENTS) this.stmts.clear();
      s = this.sqlite.prepare(sql);
      if (raw) s.raw(true);
      this.stmts.set(key, s);
    }
    return s;
  }

  /**
   * Runs fn in one IMMEDIATE transaction. A nested call is a savepoint of the outer one: when it
   * throws, only its own writes are undone (and the outer transaction goes on).
   */
  tx<T>(fn: () => T): T {
    return this.sqlite.transaction(fn).immediate();
  }

  /**
   * Changes whenever anything was written, by this connection or (via SQLite's
   * data_version) by another process on the same file. Used to key result caches.
   */
  version(): string {
    this.dataVersionStmt ??= this.sqlite.prepare('PRAGMA data_version').pluck();
    return `${this.writeGeneration}:${String(this.dataVersionStmt.get())}`;
  }

  /** Marks a write by this connection (version() changes). */
  wrote(): void {
    this.writeGeneration++;
  }

  /** A `SELECT count(*) AS n ...` result, reused until the next write. */
  count(sql: string, params: readonly (string | number)[]): number {
    const key = `${this.version()}\u0000${sql}\u0000${JSON.stringify(params)}`;
    let n = this.counts.get(key);
    if (n === undefined) {
      n = (this.stmt(sql).get(...params) as { n: number }).n;
      if (this.counts.size > 1000) this.counts.clear();
      this.counts.set(key, n);
    }
    return n;
  }

  /** Refreshes planner statistics (after bulk seeding). */
  analyze(): void {
    this.sqlite.exec('ANALYZE');
    this.stmts.clear();
  }
}
