/**
 * Outcome rules: "set outcome X on the calls matching these conditions". The conditions become HubSpot search
 * filter groups (status, direction, current outcome, date range, owner), calls that already have X are never part
 * of them; the dry run reads the matching calls' outcomes (one search per 200 calls, past 10,000 in slices) and
 * counts them by the outcome they change from.
 */
import { dayjs } from '../../lib/datetime';
import { callCount } from '../../lib/counts';
import type { Disposition, HubSpotObject, SearchFilter } from '../../api/schemas';
import { walkView, type WalkProgress } from '../calls';
import { readCallValues } from './read-calls';

export const OUTCOME_PROPERTY = 'hs_call_disposition';

/** The current outcome condition: any (no condition), none, any of chosen ones, or archived or unknown to the account. */
export type OutcomeCondition = 'any' | 'none' | 'chosen' | 'unknown';

export interface RuleForm {
  /** hs_call_status values (any of); empty: any status. */
  statuses: string[];
  /** '' for any direction. */
  direction: string;
  outcome: OutcomeCondition;
  /** The chosen outcomes when `outcome` is 'chosen'. */
  outcomes: string[];
  /** Calendar days (YYYY-MM-DD) in the user's time zone, inclusive; '' for no bound. */
  from: string;
  to: string;
  /** '' for any owner. */
  ownerId: string;
  /** The outcome to set. */
  target: string;
}

export const emptyRule = (outcome: OutcomeCondition = 'any'): RuleForm => ({ statuses: [], direction: '', outcome, outcomes: [], from: '', to: '', ownerId: '', target: '' });

type RuleField = 'conditions' | 'outcomes' | 'from' | 'to' | 'target';
export type RuleErrors = Partial<Record<RuleField, string>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (s: string) => DAY.test(s) && dayjs(s).isValid();

export function validateRule(f: RuleForm): RuleErrors {
  const errors: RuleErrors = {};
  const conditions = f.statuses.length + (f.direction ? 1 : 0) + (f.outcome !== 'any' ? 1 : 0) + (f.from ? 1 : 0) + (f.to ? 1 : 0) + (f.ownerId ? 1 : 0);
  if (conditions === 0) errors.conditions = 'Add at least one condition: a rule over every call is a bulk edit, use the list.';
  if (f.outcome === 'chosen') {
    if (f.outcomes.length === 0) errors.outcomes = 'Choose at least one outcome, or another condition on the current outcome.';
    else if (f.target && f.outcomes.every((o) => o === f.target)) errors.outcomes = 'These calls already have the outcome to set: choose other outcomes.';
  }
  if (f.from && !validDay(f.from)) errors.from = 'Enter a complete date.';
  if (f.to && !validDay(f.to)) errors.to = 'Enter a complete date.';
  else if (f.from && f.to && validDay(f.from) && f.to < f.from) errors.to = 'The end date is before the start date.';
  if (!f.target) errors.target = 'Choose the outcome to set.';
  return errors;
}

/**
 * The rule's search filter groups (a call matches one group). `activeIds` are the account's active outcomes (the
 * "archived or unknown" condition is "has an outcome, not one of these"); the target is excluded in every group.
 */
export function ruleFilterGroups(f: RuleForm, activeIds: readonly string[], timeZone: string): SearchFilter[][] {
  const base: SearchFilter[] = [];
  if (f.statuses.length) base.push({ propertyName: 'hs_call_status', operator: 'IN', values: f.statuses });
  if (f.direction) base.push({ propertyName: 'hs_call_direction', operator: 'EQ', value: f.direction });
  if (f.ownerId) base.push({ propertyName: 'hubspot_owner_id', operator: 'EQ', value: f.ownerId });
  if (f.from) base.push({ propertyName: 'hs_timestamp', operator: 'GTE', value: String(dayjs.tz(f.from, timeZone).startOf('day').valueOf()) });
  if (f.to) base.push({ propertyName: 'hs_timestamp', operator: 'LTE', value: String(dayjs.tz(f.to, timeZone).endOf('day').valueOf()) });
  const has: SearchFilter = { propertyName: OUTCOME_PROPERTY, operator: 'HAS_PROPERTY' };
  const none: SearchFilter = { propertyName: OUTCOME_PROPERTY, operator: 'NOT_HAS_PROPERTY' };
  // Search's string NOT_IN values must be lowercase (HubSpot's search guide); outcome ids are GUIDs.
  const notTarget: SearchFilter = { propertyName: OUTCOME_PROPERTY, operator: 'NOT_IN', values: [f.target.toLowerCase()] };
  switch (f.outcome) {
    case 'none':
      return [[...base, none]];
    case 'chosen': {
      const ids = f.outcomes.filter((o) => o !== f.target);
      return ids.length ? [[...base, { propertyName: OUTCOME_PROPERTY, operator: 'IN', values: ids }]] : [];
    }
    case 'unknown':
      return [[...base, has, { propertyName: OUTCOME_PROPERTY, operator: 'NOT_IN', values: activeIds.map((id) => id.toLowerCase()) }]];
    case 'any':
      return [
        [...base, none],
        [...base, has, notTarget],
      ];
  }
}

export interface DryRun {
  /** Each matching call and the outcome it changes from (null: none). */
  calls: { callId: string; from: string | null }[];
  /** The calls by the outcome they change from, the largest group first. */
  byFrom: { from: string | null; count: number }[];
}

function summarize(calls: DryRun['calls']): DryRun {
  const counts = new Map<string | null, number>();
  for (const c of calls) counts.set(c.from, (counts.get(c.from) ?? 0) + 1);
  return { calls, byFrom: [...counts].map(([from, count]) => ({ from, count })).sort((a, b) => b.count - a.count) };
}

/**
 * Every call matching the groups with the outcome it changes from. Search finds the calls; their outcomes are then
 * read by id (search lags behind writes, reads by id do not), so calls that already have the target, or that
 * HubSpot no longer has, are left out.
 */
export async function dryRun(groups: SearchFilter[][], target: string, opts: { signal?: AbortSignal; onProgress?: (p: WalkProgress) => void } = {}): Promise<DryRun> {
  if (groups.length === 0) return summarize([]);
  const { calls } = await walkView(
    { pageSize: 200, groups },
    { properties: [OUTCOME_PROPERTY], ...(opts.signal ? { signal: opts.signal } : {}), onPage: (_page: HubSpotObject[], p: WalkProgress) => opts.onProgress?.(p) },
  );
  const ids = calls.map((c) => c.id);
  const current = await readCallValues(ids, OUTCOME_PROPERTY, opts.signal);
  return summarize(ids.filter((id) => current.has(id) && current.get(id) !== target).map((callId) => ({ callId, from: current.get(callId) ?? null })));
}

/** An outcome as the dry run names it: "No outcome", its label (archived ones marked), or unknown. */
export function outcomeName(id: string | null, dispositions: readonly Disposition[]): string {
  if (id === null) return 'No outcome';
  const d = dispositions.find((x) => x.id.toLowerCase() === id.toLowerCase());
  if (!d) return `Unknown outcome (${id})`;
  return d.archived ? `${d.label} (archived)` : d.label;
}

/** "43 calls will change: 40 No outcome → No answer, 3 Busy → No answer". */
export function dryRunText(d: DryRun, target: string, dispositions: readonly Disposition[]): string {
  if (d.calls.length === 0) return 'No call will change: none matches these conditions without already having this outcome.';
  const to = outcomeName(target, dispositions);
  const groups = d.byFrom.map((g) => ({ count: g.count, name: outcomeName(g.from, dispositions) })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return `${callCount(d.calls.length)} will change: ${groups.map((g) => `${g.count.toLocaleString('en-US')} ${g.name} → ${to}`).join(', ')}`;
}

/** Whether two dry runs counted the same calls, each changing from the same outcome. */
export function sameCalls(a: DryRun, b: DryRun): boolean {
  const from = new Map(a.calls.map((c) => [c.callId, c.from]));
  return a.calls.length === b.calls.length && b.calls.every((c) => from.has(c.callId) && from.get(c.callId) === c.from);
}
