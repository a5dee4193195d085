/** /calls/:id/edit: correct a call. Only changed properties are sent; conflicts with HubSpot are shown first. */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { appPaths, useNavigate, useParams } from '../../../lib/router';
import { isNotFound } from '../../../api/errors';
import type { HubSpotObject } from '../../../api/schemas';
import { useNotify } from '../../../lib/notifications';
import { userTimeZone } from '../../../lib/datetime';
import { callQueries, useUpdateCall } from '../calls-queries';
import { CallQueryGate } from '../shared/CallQueryGate';
import { changedProperties, propertiesToFormValues, type CallFormValues } from './call-form-mapping';
import { entryName, useCallAssociations } from '../../associations';
import { calleeOptions, type CalleeChoices } from './CalleeField';
import { CallForm, useCallForm, useFormChanged } from './CallForm';
import { CallFormFrame } from './CallFormFrame';
import { ConflictDialog, type ConflictResolution } from './ConflictDialog';
import { changedSince, conflictRows, resolveConflict, type ConflictRow } from './conflicts';
import { DeletedCallNotice } from './DeletedCallNotice';
import { saveDraft } from './draft';
import { NotSentError } from './save-failure';
import { useUnsavedChangesPrompt } from './useUnsavedChangesPrompt';

export default function CallEditPage() {
  const { id = '' } = useParams();
  return <CallQueryGate id={id}>{(call) => <EditCallForm key={call.id} call={call} />}</CallQueryGate>;
}

interface PendingConflict {
  rows: ConflictRow[];
  resolve: (r: ConflictResolution) => void;
}

function EditCallForm({ call }: { call: HubSpotObject }) {
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const updateCall = useUpdateCall();
  const [timeZone] = useState(userTimeZone);
  // What the form was loaded from: the base for "changed" and for conflict detection.
  const [base, setBase] = useState(call);
  const [initial, setInitial] = useState(() => propertiesToFormValues(call.properties, timeZone));
  const form = useCallForm(initial, initial);
  const changed = useFormChanged(form, initial);
  const { prompt, allowNextNavigation } = useUnsavedChangesPrompt(changed);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  // Set when a save found the call gone from HubSpot (re-read or PATCH answered 404).
  const [deleted, setDeleted] = useState(false);
  const title = base.properties.hs_call_title || 'Untitled call';
  const associations = useCallAssociations(call.id);
  const callees: CalleeChoices = {
    options: calleeOptions(associations.flatMap(({ type, query }) => (query?.data ?? []).map((e) => ({ type, id: e.id, name: entryName(e) })))),
    loading: associations.some(({ query }) => query?.isPending),
    emptyHint: 'Associate a contact or company with this call (on the call page) to choose who was called.',
  };

  const askAboutConflict = (rows: ConflictRow[]) =>
    new Promise<ConflictResolution>((resolve) => {
      setConflict({ rows, resolve });
    });

  const gone = (cause: unknown) => {
    setDeleted(true);
    return new NotSentError('HubSpot no longer has this call, so your changes were not saved.', { cause });
  };

  const onSubmit = async (values: CallFormValues) => {
    let fresh: HubSpotObject;
    try {
      fresh = await queryClient.fetchQuery({ ...callQueries.detail(call.id), staleTime: 0 });
    } catch (error) {
      if (isNotFound(error)) throw gone(error);
      // The form stays as typed: nothing was sent, so saving again later is safe.
      const reason = error instanceof Error ? ` HubSpot said: ${error.message}` : '';
      throw new NotSentError(`Nothing was sent: the call could not be re-read from HubSpot before saving.${reason} Your changes are kept; save again when HubSpot answers.`, {
        cause: error,
      });
    }
    let target = values;
    let against = initial;
    if (changedSince(base, fresh)) {
      const freshValues = propertiesToFormValues(fresh.properties, timeZone);
      const rows = conflictRows(base.properties, fresh.properties, initial, values);
      if (rows.length > 0) {
        const resolution = await askAboutConflict(rows);
        if (resolution.kind === 'cancel') return;
        if (resolution.kind === 'reload') {
          setBase(fresh);
          setInitial(freshValues);
          form.reset(freshValues);
          notify({ message: 'Loaded the latest version of the call from HubSpot.', severity: 'info' });
          return;
        }
        target = resolveConflict(values, freshValues, resolution.choices);
        form.reset(target, { keepDefaultValues: true });
      }
      against = freshValues;
    }
    const properties = changedProperties(against, target);
    if (Object.keys(properties).length > 0) {
      try {
        await updateCall.mutateAsync({ id: call.id, properties });
      } catch (error) {
        throw isNotFound(error) ? gone(error) : error;
      }
    }
    allowNextNavigation();
    notify({
      message: Object.keys(properties).length > 0 ? `Saved “${target.title.trim() || 'Untitled call'}”.` : 'Nothing to save: HubSpot already has these values.',
      severity: 'success',
    });
    void navigate(appPaths.call(call.id));
  };

  return (
    <CallFormFrame
      heading={<>Edit call: {title}</>}
      dialogs={
        <>
          {conflict && (
            <ConflictDialog
              rows={conflict.rows}
              timeZone={timeZone}
              onResolve={(r) => {
                setConflict(null);
                conflict.resolve(r);
              }}
            />
          )}
          {prompt}
        </>
      }
    >
      <CallForm
        form={form}
        timeZone={timeZone}
        onSubmit={onSubmit}
        onCancel={() => void navigate(appPaths.call(call.id))}
        submitLabel="Save changes"
        callees={callees}
        canSubmit={changed && !deleted}
        notice={
          deleted && (
            <DeletedCallNotice
              values={() => form.getValues()}
              onLogAsNew={() => {
                const key = saveDraft(form.getValues());
                allowNextNavigation();
                void navigate(`/calls/new?draft=${encodeURIComponent(key)}`);
              }}
            />
          )
        }
      />
    </CallFormFrame>
  );
}
