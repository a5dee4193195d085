/**
 * The user's own recent writes of calls, and their overlay on list pages: HubSpot's search lags behind
 * writes, and may answer for a few seconds with a call's values from before the write, with a call just
 * archived, or without a call just created. The app never shows the user stale values after their own edit,
 * not even after a reload of the tab: every successful mutation under callWriteKeys is recorded (the query
 * client's MutationCache calls `rememberCallWrites`) in this tab's sessionStorage for five minutes, the time
 * TanStack Query keeps a finished mutation, and read back with useSyncExternalStore.
 */
import { useSyncExternalStore } from 'react';
import { matchMutation, type Mutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { HubSpotObject } from '../../../api/schemas';
import { callWriteKeys, type CallListPage } from '../calls-queries';

/** A call as one write saved it: what the overlay needs of HubSpot's answer. */
type SavedCall = Pick<HubSpotObject, 'id' | 'updatedAt' | 'properties'>;

/**
 * What one successful write left in HubSpot: the calls as HubSpot answered them (by id or batch), the ids
 * archived, the ids created.
 */
export interface CallWrites {
  saved: readonly SavedCall[];
  archived: readonly string[];
  created?: readonly string[];
}

/**
 * The user's recent writes: the newest saved version of each call, the calls archived, and when each call was
 * created (epoch ms; a call since archived is not among them).
 */
export interface RecentWrites {
  saved: ReadonlyMap<string, SavedCall>;
  archived: ReadonlySet<string>;
  created: ReadonlyMap<string, number>;
}

const RECENT_WRITES_STORAGE_KEY = 'calls-admin:recent-call-writes';
/** How long a write is remembered: as long as TanStack Query keeps a finished mutation (gcTime). */
const RECENT_WRITES_KEEP_MS = 5 * 60_000;

const savedCallSchema = z.object({ id: z.string(), updatedAt: z.string(), properties: z.record(z.string(), z.nullable(z.string())) });
const storedSchema = z.array(
  z.object({ at: z.number(), saved: z.array(savedCallSchema), archived: z.array(z.string()), created: z.optional(z.array(z.string())) }),
);
type StoredWrite = z.infer<typeof storedSchema>[number];

const NO_WRITES: CallWrites = { saved: [], archived: [] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCall = (v: unknown): v is HubSpotObject => isObject(v) && typeof v.id === 'string' && typeof v.updatedAt === 'string' && isObject(v.properties);

/** The writes of one successful mutation under callWriteKeys (an update or a create answers the saved call; an archive names its id). */
function writesOf(kind: unknown, data: unknown, variables: unknown): CallWrites {
  if (kind === 'update' && isCall(data)) {
    // HubSpot's answer may leave out a property the update cleared: what was sent is what HubSpot now has
    const sent = isObject(variables) && isObject(variables.properties) ? (variables.properties as Record<string, string>) : {};
    return { saved: [{ ...data, properties: { ...data.properties, ...sent } }], archived: [] };
  }
  if (kind === 'create' && isCall(data)) return { saved: [], archived: [], created: [data.id] };
  if (kind === 'archive' && isObject(variables) && typeof variables.id === 'string') return { saved: [], archived: [variables.id] };
  if (kind === 'bulk' && isObject(data) && Array.isArray(data.saved) && Array.isArray(data.archived)) return data as unknown as CallWrites;
  return NO_WRITES;
}

/** What the tab could not store (storage full or unavailable): kept in memory instead, until a write fits again. */
let unstored: string | null = null;
const listeners = new Set<() => void>();

function readRaw(): string | null {
  if (unstored !== null) return unstored;
  try {
    return sessionStorage.getItem(RECENT_WRITES_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The stored writes of the last five minutes (none when the stored text is not ours). */
function parse(raw: string | null, now: number): StoredWrite[] {
  if (!raw) return [];
  try {
    const stored = storedSchema.safeParse(JSON.parse(raw));
    return stored.success ? stored.data.filter((w) => now - w.at < RECENT_WRITES_KEEP_MS) : [];
  } catch {
    return [];
  }
}

/**
 * Records the writes of a mutation that has just succeeded, if it is one under callWriteKeys (any other
 * mutation is ignored). For the MutationCache's `onSuccess`, which runs before the mutation's own callbacks,
 * so the lists it invalidates are read again with the write already known.
 */
export function rememberCallWrites(data: unknown, mutation: Mutation<unknown, unknown, unknown>): void {
  if (!matchMutation({ mutationKey: callWriteKeys.all }, mutation)) return;
  const writes = writesOf(mutation.options.mutationKey?.[2], data, mutation.state.variables);
  const created = writes.created ?? [];
  if (writes.saved.length === 0 && writes.archived.length === 0 && created.length === 0) return;
  const now = Date.now();
  const saved = writes.saved.map(({ id, updatedAt, properties }) => ({ id, updatedAt, properties }));
  const write: StoredWrite = { at: now, saved, archived: [...writes.archived], ...(created.length ? { created: [...created] } : {}) };
  const raw = JSON.stringify([...parse(readRaw(), now), write]);
  try {
    sessionStorage.setItem(RECENT_WRITES_STORAGE_KEY, raw);
    unstored = null;
  } catch {
    unstored = raw;
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const NONE_RECENT: RecentWrites = { saved: new Map(), archived: new Set(), created: new Map() };
let snapshot: { raw: string | null; writes: RecentWrites } = { raw: null, writes: NONE_RECENT };

/** The recorded writes combined (the same object while nothing new is recorded). */
function recentWrites(): RecentWrites {
  const raw = readRaw();
  if (raw === snapshot.raw) return snapshot.writes;
  const saved = new Map<string, SavedCall>();
  const archived = new Set<string>();
  const created = new Map<string, number>();
  for (const w of parse(raw, Date.now())) {
    for (const call of w.saved) {
      const known = saved.get(call.id);
      if (!known || Date.parse(call.updatedAt) > Date.parse(known.updatedAt)) saved.set(call.id, call);
    }
    for (const id of w.archived) archived.add(id);
    for (const id of w.created ?? []) created.set(id, w.at);
  }
  for (const id of archived) created.delete(id);
  snapshot = { raw, writes: { saved, archived, created } };
  return snapshot.writes;
}

/** The user's writes of the last five minutes in this tab (a reload keeps them), for useQuery's `select` over list pages. */
export function useRecentCallWrites(): RecentWrites {
  // The server knows no tab's writes: it renders, and the browser hydrates, without them (then applies them).
  return useSyncExternalStore(subscribe, recentWrites, () => NONE_RECENT);
}

/**
 * A list page as the user's own writes left it: a call HubSpot answered with an older version than the
 * user saved shows the saved values (until search has caught up: its `updatedAt` is as new); a call the
 * user archived is not shown. The same page when nothing applies.
 */
export function overlayRecentWrites(page: CallListPage, recent: RecentWrites): CallListPage {
  if (recent.saved.size === 0 && recent.archived.size === 0) return page;
  let changed = false;
  const results = page.results.flatMap((call) => {
    if (recent.archived.has(call.id)) {
      changed = true;
      return [];
    }
    const saved = recent.saved.get(call.id);
    if (!saved || Date.parse(saved.updatedAt) <= Date.parse(call.updatedAt)) return [call];
    changed = true;
    return [{ ...call, properties: { ...call.properties, ...saved.properties }, updatedAt: saved.updatedAt }];
  });
  if (!changed) return page;
  const removed = page.results.length - results.length;
  return { ...page, results, ...(page.total === undefined ? {} : { total: Math.max(0, page.total - removed) }) };
}
