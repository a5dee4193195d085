import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readerMessage, type SqlParam } from './reader-protocol.js';

/** Reader threads to start by default: one per CPU beyond the main thread's, at most 4. */
export function defaultReaders(): number {
  return Math.max(0, Math.min(4, availableParallelism() - 1));
}

interface Pending {
  resolve: (row: unknown[] | undefined) => void;
  reject: (error: Error) => void;
}

interface Reader {
  worker: Worker;
  ready: boolean;
  stopped: boolean;
  pending: Map<number, Pending>;
  /** Resolves once the reader has started or stopped. */
  settled: Promise<void>;
}

/**
 * Read-only connections to the database file in worker threads, for the reads whose cost is
 * SQLite's own work (list and search pages, written as JSON by SQLite): they run beside the main
 * thread, which keeps HTTP, validation, totals and every write. WAL lets them read while the main
 * connection writes, and each statement sees every commit made before it started, so a client
 * reads its own writes. Until a reader has started, or once it failed, `get` returns undefined
 * and the caller runs the statement itself.
 */
export class ReaderPool {
  private readonly readers: Reader[] = [];
  private nextId = 1;
  private closed = false;

  constructor(file: string, size: number) {
    for (let i = 0; i < size; i++) this.readers.push(this.spawn(file));
  }

  private spawn(file: string): Reader {
    const worker = new Worker(new URL('./reader-worker.mjs', import.meta.url), { workerData: file });
    worker.unref(); // never keeps the process alive
    let settle = (): void => undefined;
    const settled = new Promise<void>((resolve) => {
      settle = resolve;
    });
    const reader: Reader = { worker, ready: false, stopped: false, pending: new Map(), settled };
    worker.on('message', (message: unknown) => {
      const m = readerMessage(message);
      if (m === 'ready') {
        reader.ready = !this.closed;
        settle();
        return;
      }
      if (!m) return;
      const p = reader.pending.get(m.id);
      if (!p) return;
      reader.pending.delete(m.id);
      if ('error' in m) p.reject(new Error(m.error));
      else p.resolve(m.row);
    });
    const fail = (error: Error) => {
      if (!this.closed && !reader.stopped) {
        // once per reader: its pages are answered by the main thread from now on
        process.stderr.write(`HubSpot mock: a reader thread stopped (${error.message}); the main thread reads instead\n`);
      }
      reader.stopped = true;
      reader.ready = false;
      settle();
      for (const p of reader.pending.values()) p.reject(error);
      reader.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`reader thread exited (${code})`)));
    return reader;
  }

  /** Readers that have started. */
  get readyCount(): number {
    return this.readers.filter((r) => r.ready).length;
  }

  /** Resolves once every reader has started (or failed); for tests and benchmarks. */
  async whenReady(timeoutMs = 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.all(this.readers.map((r) => r.settled)), timeout]);
    clearTimeout(timer);
  }

  /** The statement's first row (raw array), from the least busy started reader; undefined when none is. */
  get(sql: string, params: SqlParam[]): Promise<unknown[] | undefined> | undefined {
    let best: Reader | undefined;
    for (const r of this.readers) if (r.ready && (!best || r.pending.size < best.pending.size)) best = r;
    if (!best) return undefined;
    const reader = best;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      reader.pending.set(id, { resolve, reject });
      reader.worker.postMessage({ id, sql, params });
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const r of this.readers) {
      r.ready = false;
      void r.worker.terminate();
    }
  }
}
