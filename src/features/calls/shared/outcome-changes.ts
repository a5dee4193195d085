/**
 * The outcome changes made in this tab, newest first: what each row confirms ("Saved"), what the
 * "Recent changes" list offers to undo, and what Ctrl/⌘+Z undoes. One store per query client (the app
 * has one; each component test its own), read with useSyncExternalStore.
 *
 * Writes to the same call run one after the other (an undo waits for the edit it undoes), so quick edits
 * and undos of one row reach HubSpot in the order they were made; different rows do not wait for each other.
 */
import { useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';

export type ChangeState = 'saving' | 'saved' | 'failed' | 'undoing' | 'undone';

export interface OutcomeChange {
  key: number;
  callId: string;
  title: string;
  /** Outcome GUIDs before and after ('' = none), with the labels they had when the change was made. */
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  state: ChangeState;
  /** Just saved or undone: the row shows it for a few seconds. */
  fresh: boolean;
  /** Why the change failed (state 'failed'). */
  error?: string;
}

/** How many changes the list keeps. */
const KEEP = 20;
/** How long a row shows "Saved" / "Undone". */
const FRESH_MS = 4_000;

/** A message for screen readers; `seq` tells a repeated message from the previous one. */
export interface Announcement {
  text: string;
  seq: number;
}

const LIVE: readonly ChangeState[] = ['saving', 'saved'];

export class OutcomeChanges {
  private changes: readonly OutcomeChange[] = [];
  private announcement: Announcement = { text: '', seq: 0 };
  private nextKey = 1;
  private readonly listeners = new Set<() => void>();
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  /** The last write queued for each call. */
  private readonly writes = new Map<string, Promise<unknown>>();

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  list = (): readonly OutcomeChange[] => this.changes;
  /** The latest success to tell screen readers about. */
  message = (): Announcement => this.announcement;
  get = (key: number): OutcomeChange | undefined => this.changes.find((c) => c.key === key);
  /** The newest change of a call (what its row confirms). */
  latestOf = (callId: string): OutcomeChange | undefined => this.changes.find((c) => c.callId === callId);

  add(change: Omit<OutcomeChange, 'key' | 'state' | 'fresh'>): number {
    const key = this.nextKey++;
    const added: OutcomeChange = { ...change, key, state: 'saving', fresh: false };
    this.changes = [added, ...this.changes].slice(0, KEEP);
    this.emit();
    return key;
  }

  /** Moves a change to `state`; `announce` is read to screen readers. Saved and undone changes show as fresh for a while. */
  update(key: number, state: ChangeState, extra: { error?: string; announce?: string } = {}): void {
    const fresh = state === 'saved' || state === 'undone';
    this.changes = this.changes.map((c) => (c.key === key ? { ...c, state, fresh, error: extra.error } : c));
    if (extra.announce) this.announcement = { text: extra.announce, seq: this.announcement.seq + 1 };
    clearTimeout(this.timers.get(key));
    if (fresh) {
      this.timers.set(
        key,
        setTimeout(() => {
          this.timers.delete(key);
          this.changes = this.changes.map((c) => (c.key === key ? { ...c, fresh: false } : c));
          this.emit();
        }, FRESH_MS),
      );
    }
    this.emit();
  }

  /**
   * Whether undoing the change would put its row back as it was: the change is saved (or still saving) and
   * no later change of the same call is standing on top of it.
   */
  canUndo(key: number): boolean {
    const index = this.changes.findIndex((c) => c.key === key);
    const change = this.changes[index];
    if (!change || !LIVE.includes(change.state)) return false;
    return !this.changes.slice(0, index).some((c) => c.callId === change.callId && LIVE.includes(c.state));
  }

  /** The newest change that can be undone (Ctrl/⌘+Z). */
  lastUndoable(): OutcomeChange | undefined {
    return this.changes.find((c) => this.canUndo(c.key));
  }

  /** Runs `write` after every earlier write to the same call has finished (whatever its result). */
  queue<T>(callId: string, write: () => Promise<T>): Promise<T> {
    const previous = this.writes.get(callId) ?? Promise.resolve();
    const next = previous.then(write, write);
    const settled = next.catch(() => undefined);
    this.writes.set(callId, settled);
    void settled.then(() => {
      if (this.writes.get(callId) === settled) this.writes.delete(callId);
    });
    return next;
  }

  private emit() {
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<QueryClient, OutcomeChanges>();

/** This app's outcome changes (one store per query client). */
export function useOutcomeChangeStore(): OutcomeChanges {
  const qc = useQueryClient();
  let store = stores.get(qc);
  if (!store) {
    store = new OutcomeChanges();
    stores.set(qc, store);
  }
  return store;
}

/** Every recent change, newest first. */
export function useOutcomeChanges(): readonly OutcomeChange[] {
  const store = useOutcomeChangeStore();
  // The server renders (and the browser hydrates) with the query client's fresh store: the same function serves both.
  return useSyncExternalStore(store.subscribe, store.list, store.list);
}

/** The newest change of one call (re-renders only when that one changes). */
export function useLatestOutcomeChange(callId: string): OutcomeChange | undefined {
  const store = useOutcomeChangeStore();
  const latest = () => store.latestOf(callId);
  return useSyncExternalStore(store.subscribe, latest, latest);
}

export function useOutcomeAnnouncement(): Announcement {
  const store = useOutcomeChangeStore();
  return useSyncExternalStore(store.subscribe, store.message, store.message);
}
