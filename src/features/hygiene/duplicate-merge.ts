/**
 * Resolving a group of probable duplicates (pure): which call to keep, and what keeping it means.
 *
 * "Most data", the proposed keeper: the call with the most of MERGED_PROPERTIES holding a value (a duration of 0
 * counts as none, notes with no text as none), then the most associated records (contacts, companies, deals and
 * tickets together), then the oldest (created first), then the lowest id.
 *
 * The merge: the kept call keeps every value it has; each property it has no value for takes the value of the
 * first other call that has one, in the "most data" order. Its contacts, companies, deals and tickets become
 * the union of the group's. The other calls are deleted (archived).
 */
import { RECORD_TYPES, type RecordType } from '../../api/records';
import type { CallChange, CallValues } from '../journal';

/** The properties compared and copied, in the order a preview lists them. */
export const MERGED_PROPERTIES = [
  'hs_call_title',
  'hs_call_body',
  'hs_call_disposition',
  'hs_call_duration',
  'hs_call_recording_url',
  'hubspot_owner_id',
  'hs_call_status',
  'hs_call_direction',
  'hs_call_from_number',
  'hs_call_to_number',
] as const;
export type MergedProperty = (typeof MERGED_PROPERTIES)[number];

export interface GroupCall {
  id: string;
  /** The call's values of MERGED_PROPERTIES (and hs_timestamp) as HubSpot stores them. */
  properties: Record<string, string | null | undefined>;
  /** When the call was created in HubSpot (ISO). */
  createdAt: string;
  /** The ids of the records it is associated with, per type (every type present). */
  associations: Record<RecordType, readonly string[]>;
}

/** Whether HubSpot's value counts as data: not empty, a duration other than 0, notes with some text. */
export function hasValue(name: string, value: string | null | undefined): boolean {
  const v = (value ?? '').trim();
  if (v === '') return false;
  if (name === 'hs_call_duration') return Number(v) !== 0;
  if (name === 'hs_call_body') return v.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim() !== '';
  return true;
}

export interface DataScore {
  values: number;
  records: number;
}

export function dataScore(call: GroupCall): DataScore {
  return {
    values: MERGED_PROPERTIES.filter((name) => hasValue(name, call.properties[name])).length,
    records: RECORD_TYPES.reduce((n, type) => n + call.associations[type].length, 0),
  };
}

/** The group's calls, the one with the most data first (see the header for the order). */
export function rankByData(calls: readonly GroupCall[]): GroupCall[] {
  const scored = calls.map((call) => ({ call, score: dataScore(call), created: Date.parse(call.createdAt) || 0 }));
  scored.sort(
    (a, b) =>
      b.score.values - a.score.values ||
      b.score.records - a.score.records ||
      a.created - b.created ||
      Number(a.call.id) - Number(b.call.id) ||
      a.call.id.localeCompare(b.call.id),
  );
  return scored.map((s) => s.call);
}

/** The proposed keeper's id (undefined for an empty group). */
export function proposedKeeper(calls: readonly GroupCall[]): string | undefined {
  return rankByData(calls)[0]?.id;
}

interface CopiedValue {
  name: MergedProperty;
  value: string;
  /** The call it is copied from. */
  fromId: string;
}

export interface MergePlan {
  keeper: GroupCall;
  /** Values the kept call has none of, with the call each comes from. */
  copied: CopiedValue[];
  /** Records the kept call gets associated with, per type (types with none left out). */
  added: Partial<Record<RecordType, string[]>>;
  /** The calls deleted, in the "most data" order. */
  archived: GroupCall[];
  /**
   * The journaled change: the kept call first (only when something of it changes; `before` its current value of
   * each property and association type it changes), then each deleted call (archived false → true).
   */
  changes: CallChange[];
}

export function planMerge(calls: readonly GroupCall[], keeperId: string): MergePlan {
  const keeper = calls.find((c) => c.id === keeperId);
  if (!keeper) throw new Error(`Call ${keeperId} is not in the group.`);
  const others = rankByData(calls).filter((c) => c.id !== keeperId);

  const copied: CopiedValue[] = [];
  for (const name of MERGED_PROPERTIES) {
    if (hasValue(name, keeper.properties[name])) continue;
    const from = others.find((c) => hasValue(name, c.properties[name]));
    if (from) copied.push({ name, value: from.properties[name] ?? '', fromId: from.id });
  }

  const added: Partial<Record<RecordType, string[]>> = {};
  for (const type of RECORD_TYPES) {
    const have = new Set(keeper.associations[type]);
    const extra = [...new Set(others.flatMap((c) => c.associations[type]))].filter((id) => !have.has(id));
    if (extra.length > 0) added[type] = extra;
  }

  const before: CallValues = {};
  const after: CallValues = {};
  for (const c of copied) {
    before[c.name] = keeper.properties[c.name] ?? null;
    after[c.name] = c.value;
  }
  for (const type of RECORD_TYPES) {
    const extra = added[type];
    if (!extra) continue;
    before[type] = [...keeper.associations[type]];
    after[type] = [...keeper.associations[type], ...extra];
  }
  const keeperChange: CallChange[] = Object.keys(after).length > 0 ? [{ callId: keeper.id, before, after }] : [];
  const archiveChanges = others.map((c) => ({ callId: c.id, before: { archived: 'false' }, after: { archived: 'true' } }));
  return { keeper, copied, added, archived: others, changes: [...keeperChange, ...archiveChanges] };
}

/**
 * Many groups' changes in runs of at most `max` calls (HubSpot's batch), a group never split across two runs,
 * each group's kept call before its deleted calls: so each run is one batch in which the kept calls are written
 * before any call is deleted (see ResolveDuplicates). A group larger than `max` is left out (not resolvable here).
 */
export function packChanges(plans: readonly MergePlan[], max: number): CallChange[][] {
  const runs: CallChange[][] = [];
  let run: CallChange[] = [];
  for (const plan of plans) {
    if (plan.changes.length > max) continue;
    if (run.length + plan.changes.length > max) {
      runs.push(run);
      run = [];
    }
    run.push(...plan.changes);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
