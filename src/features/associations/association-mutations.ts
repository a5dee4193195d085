/**
 * Writes of the associations panel: add, remove, pin and unpin. Each one updates the panel at once
 * (optimistic), puts the old state back when HubSpot refuses, and tells the user HubSpot's message.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { archiveAssociation, createAssociation } from '../../api/associations';
import { describeError } from '../../lib/describeError';
import { RECORD_TYPES, updateRecord } from '../../api/records';
import type { RecordType } from '../../api/records';
import type { HubSpotObject } from '../../api/schemas';
import { useNotify } from '../../lib/notifications';
import { callKeys } from '../calls';
import { entryName, PINNED_PROPERTY, pickedToSpecs, pinState, withAdded } from './association-model';
import type { AssociatedEntry, PickedRecord } from './association-model';
import { associationQueries } from './association-queries';

type Snapshot = Map<RecordType, AssociatedEntry[] | undefined>;

async function snapshot(qc: QueryClient, callId: string, types: readonly RecordType[]): Promise<Snapshot> {
  const snap: Snapshot = new Map();
  for (const type of types) {
    const key = associationQueries.records(callId, type).queryKey;
    await qc.cancelQueries({ queryKey: key });
    snap.set(type, qc.getQueryData(key));
  }
  return snap;
}

function restore(qc: QueryClient, callId: string, snap: Snapshot | undefined) {
  if (!snap) return;
  for (const [type, data] of snap) qc.setQueryData(associationQueries.records(callId, type).queryKey, data);
}

/** HubSpot's own message (and its correlation ID) for a failed write. */
function failureText(e: unknown): string {
  return describeError(e).text;
}

/** The call's detail query lists associations too; keep it in step. */
function invalidateCall(qc: QueryClient, callId: string) {
  return qc.invalidateQueries({ queryKey: callKeys.detail(callId) });
}

interface AddFailure {
  pick: PickedRecord;
  error: unknown;
}

class AddAssociationsError extends Error {
  readonly failures: AddFailure[];
  constructor(failures: AddFailure[]) {
    super(failures.map((f) => `${f.pick.name}: ${failureText(f.error)}`).join('; '));
    this.failures = failures;
  }
}

/** Associates the picked records with the call (one v4 PUT per record, all at once). */
export function useAddAssociations(callId: string) {
  const qc = useQueryClient();
  const notify = useNotify();
  return useMutation({
    meta: { errorTitle: false }, // reported in place
    mutationFn: async (picks: PickedRecord[]) => {
      const outcomes = await Promise.allSettled(picks.map((p) => createAssociation('calls', callId, p.type, p.id, pickedToSpecs(p))));
      const failures: AddFailure[] = [];
      outcomes.forEach((o, i) => {
        const pick = picks[i];
        if (o.status === 'rejected' && pick) failures.push({ pick, error: o.reason });
      });
      if (failures.length > 0) throw new AddAssociationsError(failures);
    },
    onMutate: async (picks) => {
      const types = RECORD_TYPES.filter((t) => picks.some((p) => p.type === t));
      const snap = await snapshot(qc, callId, types);
      for (const type of types) {
        qc.setQueryData(associationQueries.records(callId, type).queryKey, (old: AssociatedEntry[] | undefined) =>
          withAdded(old ?? [], picks.filter((p) => p.type === type)),
        );
      }
      return { snap };
    },
    onError: (error, picks, context) => {
      restore(qc, callId, context?.snap);
      const failures = error instanceof AddAssociationsError ? error.failures : picks.map((pick) => ({ pick, error }));
      const done = picks.length - failures.length;
      const names = failures.map((f) => f.pick.name).join(', ');
      const reason = failureText(failures[0]?.error ?? error);
      notify({
        severity: 'error',
        message: `Could not associate ${names}: ${reason}${done > 0 ? ` (${done} other record${done === 1 ? '' : 's'} associated)` : ''}`,
      });
    },
    onSuccess: (_data, picks) => {
      notify({
        severity: 'success',
        message: picks.length === 1 ? `Associated ${picks[0]?.name ?? 'the record'}` : `Associated ${picks.length} records`,
      });
    },
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: associationQueries.all(callId) }), invalidateCall(qc, callId)]),
  });
}

/** Removes every association between the call and one record. */
export function useRemoveAssociation(callId: string) {
  const qc = useQueryClient();
  const notify = useNotify();
  return useMutation({
    meta: { errorTitle: false }, // reported in place
    mutationFn: async (entry: AssociatedEntry) => {
      // HubSpot only lets an associated call be pinned: take the pin off first so none is left dangling.
      if (pinState(entry, callId).kind === 'this-call') await updateRecord(entry.type, entry.id, { [PINNED_PROPERTY]: '' });
      await archiveAssociation('calls', callId, entry.type, entry.id);
    },
    onMutate: async (entry) => {
      const snap = await snapshot(qc, callId, [entry.type]);
      qc.setQueryData(associationQueries.records(callId, entry.type).queryKey, (old: AssociatedEntry[] | undefined) =>
        (old ?? []).filter((e) => e.id !== entry.id),
      );
      return { snap };
    },
    onError: (error, entry, context) => {
      restore(qc, callId, context?.snap);
      notify({ severity: 'error', message: `Could not remove ${entryName(entry)}: ${failureText(error)}` });
    },
    onSuccess: (_data, entry) => {
      notify({ severity: 'success', message: `Removed ${entryName(entry)} from this call` });
    },
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: associationQueries.all(callId) }), invalidateCall(qc, callId)]),
  });
}

export interface PinInput {
  entry: AssociatedEntry;
  pin: boolean;
}

function withPinned(list: AssociatedEntry[] | undefined, id: string, value: string, fromServer?: HubSpotObject): AssociatedEntry[] | undefined {
  return list?.map((e) => {
    if (e.id !== id) return e;
    const base = fromServer ?? e.record;
    if (!base) return e;
    return { ...e, record: { ...base, properties: { ...e.record?.properties, ...base.properties, [PINNED_PROPERTY]: value } } };
  });
}

/** Pins this call on an associated record (`hs_pinned_engagement_id` = call id), or unpins it (""). */
export function useSetPin(callId: string) {
  const qc = useQueryClient();
  const notify = useNotify();
  return useMutation({
    meta: { errorTitle: false }, // reported in place
    mutationFn: ({ entry, pin }: PinInput) => updateRecord(entry.type, entry.id, { [PINNED_PROPERTY]: pin ? callId : '' }),
    onMutate: async ({ entry, pin }) => {
      const snap = await snapshot(qc, callId, [entry.type]);
      qc.setQueryData(associationQueries.records(callId, entry.type).queryKey, (old: AssociatedEntry[] | undefined) =>
        withPinned(old, entry.id, pin ? callId : ''),
      );
      return { snap };
    },
    onError: (error, { entry, pin }, context) => {
      restore(qc, callId, context?.snap);
      notify({ severity: 'error', message: `Could not ${pin ? 'pin' : 'unpin'} on ${entryName(entry)}: ${failureText(error)}` });
      // The refusal may mean the record is no longer associated or pins something else now: show HubSpot's state.
      return qc.invalidateQueries({ queryKey: associationQueries.records(callId, entry.type).queryKey });
    },
    onSuccess: (record, { entry, pin }) => {
      const value = record.properties[PINNED_PROPERTY] ?? (pin ? callId : '');
      qc.setQueryData(associationQueries.records(callId, entry.type).queryKey, (old: AssociatedEntry[] | undefined) =>
        withPinned(old, entry.id, value ?? '', record),
      );
      notify({
        severity: 'success',
        message: pin ? `Pinned this call on ${entryName(entry)}` : `Unpinned this call from ${entryName(entry)}`,
      });
      // Other calls' panels that show this record are now out of date.
      return qc.invalidateQueries({
        predicate: (q) => {
          const [scope, otherCall, kind, type] = q.queryKey;
          return scope === 'associations' && otherCall !== callId && kind === 'records' && type === entry.type;
        },
      });
    },
  });
}

/**
 * Reads what the record pins right now and shows it in the panel. Resolves to the pinned activity id
 * ('' for none), or undefined when the read failed (the user is told, and the panel reloads the type).
 */
export function useReadCurrentPin(callId: string) {
  const qc = useQueryClient();
  const notify = useNotify();
  return async (entry: AssociatedEntry): Promise<string | undefined> => {
    try {
      const fresh = await qc.fetchQuery(associationQueries.recordPin(entry.type, entry.id));
      const pinned = fresh.properties[PINNED_PROPERTY] ?? '';
      qc.setQueryData(associationQueries.records(callId, entry.type).queryKey, (old: AssociatedEntry[] | undefined) => withPinned(old, entry.id, pinned));
      return pinned;
    } catch (error) {
      notify({ severity: 'error', message: `Could not read what ${entryName(entry)} pins now: ${failureText(error)}` });
      void qc.invalidateQueries({ queryKey: associationQueries.records(callId, entry.type).queryKey });
      return undefined;
    }
  };
}

