import { useCallback } from 'react';
import { useNotify } from '../../../lib/notifications';
import { describeError } from '../../../lib/describeError';
import type { Disposition, HubSpotObject } from '../../../api/schemas';
import { useUpdateCall } from '../calls-queries';
import { useOutcomeChangeStore } from './outcome-changes';

const titleOf = (call: HubSpotObject) => call.properties.hs_call_title?.trim() || '(untitled call)';

/** The outcomes a user can choose (not archived), in the account's order; the first nine have the hotkeys 1–9. */
export function outcomeChoices(dispositions: readonly Disposition[] | undefined): readonly Disposition[] {
  return (dispositions ?? []).filter((d) => !d.archived);
}

/**
 * Changing a call's outcome, from the list or the call page. The new outcome shows at once (useUpdateCall's
 * optimistic update, which puts this call's old outcome back on failure); the change joins the recent changes
 * (outcome-changes.ts), where its row and the screen reader confirm it and from where it can be undone. An undo
 * writes the old outcome back through the same update, after the change itself has reached HubSpot.
 * A failure keeps its message on screen (snackbar) and on the row.
 */
export function useOutcomeEdit(labelOf: (guid: string) => string) {
  const { mutateAsync } = useUpdateCall();
  const store = useOutcomeChangeStore();
  const notify = useNotify();

  return useCallback(
    (call: HubSpotObject, guid: string) => {
      const from = call.properties.hs_call_disposition ?? '';
      if (from === guid) return;
      const title = titleOf(call);
      const toLabel = labelOf(guid);
      const key = store.add({ callId: call.id, title, from, to: guid, fromLabel: from ? labelOf(from) : '', toLabel });
      store
        .queue(call.id, () => mutateAsync({ id: call.id, properties: { hs_call_disposition: guid } }))
        .then(
          () => {
            // Undone while it was saving: the undo reports.
            if (store.get(key)?.state === 'saving') store.update(key, 'saved', { announce: `Outcome of “${title}” set to ${toLabel}.` });
          },
          (e: unknown) => {
            const error = describeError(e).text;
            store.update(key, 'failed', { error });
            notify({ message: `Outcome of “${title}” was not changed: ${error}`, severity: 'error' });
          },
        );
    },
    [mutateAsync, store, notify, labelOf],
  );
}

/** Undo of a recent outcome change (by its key), and of the newest one that can be undone (Ctrl/⌘+Z). */
export function useOutcomeUndo() {
  const { mutateAsync } = useUpdateCall();
  const store = useOutcomeChangeStore();
  const notify = useNotify();

  const undo = useCallback(
    (key: number) => {
      const change = store.get(key);
      if (!change || !store.canUndo(key)) return;
      const { callId, title, from, fromLabel } = change;
      store.update(key, 'undoing');
      store
        .queue(callId, async () => {
          // The change itself may still be on its way (queued before this): only a saved change is undone.
          if (store.get(key)?.state === 'failed') return false;
          await mutateAsync({ id: callId, properties: { hs_call_disposition: from } });
          return true;
        })
        .then(
          (undone) => {
            if (undone) store.update(key, 'undone', { announce: from ? `Outcome of “${title}” restored to ${fromLabel}.` : `Outcome of “${title}” cleared again.` });
          },
          (e: unknown) => {
            store.update(key, 'saved');
            notify({ message: `Could not undo the outcome change of “${title}”: ${describeError(e).text}`, severity: 'error' });
          },
        );
    },
    [mutateAsync, store, notify],
  );

  const undoLast = useCallback(() => {
    const last = store.lastUndoable();
    if (last) undo(last.key);
  }, [store, undo]);

  return { undo, undoLast };
}
