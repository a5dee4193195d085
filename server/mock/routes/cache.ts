import type { MockDb } from '../store/db.js';

/**
 * Serialised responses of reads (list, read by id, search), reused until anything is
 * written: the mock's one piece of speed machinery (`readCache: false` computes every answer,
 * the reference test/read-cache.test.ts compares it with). The key is the full request
 * (method, path, query, body); the store's version changes on every write of this process and
 * on commits by other processes, which empties the cache. Bounded by entry count and total size.
 */
export class ReadCache {
  private readonly entries = new Map<string, Uint8Array>();
  private version = '';
  private bytes = 0;

  constructor(
    private readonly db: MockDb,
    private readonly maxEntries = 4096,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  get(key: string): Uint8Array | undefined {
    const v = this.db.version();
    if (v !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = v;
      return undefined;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // refresh recency
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Stores a body computed under `version` (skipped if a write happened meanwhile). */
  set(key: string, body: Uint8Array, version: string): void {
    if (version !== this.version || body.byteLength > this.maxBytes / 16) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.bytes -= old.byteLength;
      this.entries.delete(key);
    }
    this.entries.set(key, body);
    this.bytes += body.byteLength;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.byteLength;
    }
  }

  currentVersion(): string {
    return this.db.version();
  }
}
