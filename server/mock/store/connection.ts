import Database from 'better-sqlite3';

/** Token match for CONTAINS_TOKEN: whole word, case-insensitive, `*` wildcard. */
export function containsToken(text: string | null, pattern: string): boolean {
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

/**
 * A connection to the mock's database with its settings and SQL functions: the store's own
 * (read-write, WAL) or a reader's (read-only, see reader.ts), so both run the same SQL alike.
 */
export function openConnection(file: string, opts: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(file, { readonly: opts.readonly ?? false });
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('mmap_size = 1073741824');
  db.pragma('temp_store = MEMORY');
  db.function('hs_contains_token', { deterministic: true }, (text: unknown, pattern: unknown) =>
    containsToken(typeof text === 'string' ? text : text == null ? null : String(text), String(pattern)) ? 1 : 0,
  );
  return db;
}
