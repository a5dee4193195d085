import { useCallback } from 'react';
import { useNotify } from '../../../lib/notifications';
import { describeError } from '../../../lib/describeError';
import type { HubSpotObject } from '../../../api/schemas';
import { useUpdateCall } from '../calls-queries';
import { prop } from './call-row';

/**
 * Inline outcome change: the cell shows the new outcome at once (optimistic update of every cached list
 * page, by the lead's useUpdateCall, which also rolls back on failure), a snackbar offers Undo (which
 * writes the old value back to HubSpot), and a failure shows HubSpot's message.
 * mutateAsync (not mutate callbacks) so quick edits of several rows each get their own snackbar.
 */
export function useOutcomeEdit(labelOf: (guid: string) => string) {
  const { mutateAsync } = useUpdateCall();
  const notify = useNotify();

  return useCallback(
    (call: HubSpotObject, guid: string) => {
      const previous = prop(call, 'hs_call_disposition');
      const title = prop(call, 'hs_call_title') || '(untitled call)';
      const undo = () => {
        mutateAsync({ id: call.id, properties: { hs_call_disposition: previous } }).then(
          () =>
            notify({
              message: previous ? `Outcome of “${title}” restored to ${labelOf(previous)}.` : `Outcome of “${title}” cleared again.`,
              severity: 'info',
            }),
          (e: unknown) => notify({ message: `Could not undo the outcome change of “${title}”: ${describeError(e).text}`, severity: 'error' }),
        );
      };
      mutateAsync({ id: call.id, properties: { hs_call_disposition: guid } }).then(
        () =>
          notify({
            message: `Outcome of “${title}” set to ${labelOf(guid)}.`,
            severity: 'success',
            action: { label: 'Undo', onClick: undo },
          }),
        (e: unknown) => notify({ message: `Outcome of “${title}” was not changed: ${describeError(e).text}`, severity: 'error' }),
      );
    },
    [mutateAsync, notify, labelOf],
  );
}
