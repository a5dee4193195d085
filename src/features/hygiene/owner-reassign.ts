/**
 * Reassigning calls to an owner: the plan (each call's current owner, read by id, and what it becomes), grouped by
 * the owner it comes from for the preview ("Reassign 12 calls: 9 from Dana Reyes (deactivated), 3 with no owner →
 * Sam Lee"). Calls the target already owns, and calls HubSpot no longer has, are left out and counted.
 */
import { ownerName } from '../../api/metadata-queries';
import { callCount } from '../../lib/counts';
import type { Owner } from '../../api/schemas';
import type { CallChange } from '../journal';

export const OWNER_PROPERTY = 'hubspot_owner_id';

export interface ReassignPlan {
  targetId: string;
  changes: CallChange[];
  /** The owners the calls come from (null: no owner), the largest group first. */
  from: { ownerId: string | null; count: number }[];
  alreadyTarget: number;
  missing: number;
}

export function planReassign(ids: readonly string[], current: ReadonlyMap<string, string | null>, targetId: string): ReassignPlan {
  const changes: CallChange[] = [];
  const counts = new Map<string | null, number>();
  let alreadyTarget = 0;
  let missing = 0;
  for (const callId of new Set(ids)) {
    if (!current.has(callId)) {
      missing++;
      continue;
    }
    const owner = current.get(callId) ?? null;
    if (owner === targetId) {
      alreadyTarget++;
      continue;
    }
    changes.push({ callId, before: { [OWNER_PROPERTY]: owner }, after: { [OWNER_PROPERTY]: targetId } });
    counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  const from = [...counts].map(([ownerId, count]) => ({ ownerId, count })).sort((a, b) => b.count - a.count);
  return { targetId, changes, from, alreadyTarget, missing };
}

/** An owner as the preview names it: active by name, deactivated marked so, an id HubSpot does not list as such. */
export function ownerLabel(id: string, active: readonly Owner[], deactivated: readonly Owner[]): string {
  const a = active.find((o) => o.id === id);
  if (a) return ownerName(a);
  const d = deactivated.find((o) => o.id === id);
  if (d) return `${ownerName(d)} (deactivated)`;
  return `owner ${id} (unknown to HubSpot)`;
}

/** "Reassign 12 calls: 9 from Dana Reyes (deactivated), 3 with no owner → Sam Lee". */
export function previewText(plan: ReassignPlan, labelOf: (id: string) => string): string {
  const parts = plan.from.map((g) => (g.ownerId === null ? `${g.count.toLocaleString('en-US')} with no owner` : `${g.count.toLocaleString('en-US')} from ${labelOf(g.ownerId)}`));
  return `Reassign ${callCount(plan.changes.length)}: ${parts.join(', ')} → ${labelOf(plan.targetId)}`;
}

/** What the preview leaves out, or ''. */
export function leftOutText(plan: ReassignPlan, labelOf: (id: string) => string): string {
  const notes: string[] = [];
  if (plan.alreadyTarget) notes.push(`${callCount(plan.alreadyTarget)} already owned by ${labelOf(plan.targetId)}`);
  if (plan.missing) notes.push(`${callCount(plan.missing)} HubSpot no longer has`);
  return notes.length ? `Left out: ${notes.join('; ')}.` : '';
}
