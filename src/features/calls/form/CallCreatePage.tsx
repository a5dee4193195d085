/** /calls/new: log a call, optionally tied to contacts, companies, deals and tickets. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { appPaths, useNavigate, useSearchParams } from '../../../lib/router';
import { useNotify } from '../../../lib/notifications';
import { userTimeZone } from '../../../lib/datetime';
import { AssociationPicker, pickedToAssociationInputs, type PickedRecord } from '../../associations';
import { useCreateCall } from '../calls-queries';
import { lastListUrl } from '../shared/list-return';
import { emptyCallFormValues, formValuesToProperties, type CallFormValues } from './call-form-mapping';
import { calleeOptions, type CalleeChoices } from './CalleeField';
import { CallForm, useCallForm, useFormChanged } from './CallForm';
import { CallFormFrame } from './CallFormFrame';
import { dropDraft, readDraft } from './draft';
import { findCreatedCall } from './find-created-call';
import { saveFailureKind } from './save-failure';
import { maySendAgain, UncertainCreateNotice, type UncertainCreate } from './UncertainCreateNotice';
import { useUnsavedChangesPrompt } from './useUnsavedChangesPrompt';

/** What was sent when the answer was lost: enough to look for the call, again if need be. */
interface Attempt {
  properties: Record<string, string>;
  startedAt: number;
  error: unknown;
}

export default function CallCreatePage() {
  const navigate = useNavigate();
  const notify = useNotify();
  const createCall = useCreateCall();
  const [timeZone] = useState(userTimeZone);
  const [searchParams] = useSearchParams();
  const draftKey = searchParams.get('draft');
  const [initial] = useState(() => emptyCallFormValues(timeZone));
  // A draft (e.g. an edit of a call deleted elsewhere) fills the form and counts as unsaved changes.
  const [draft] = useState(() => readDraft(draftKey, timeZone));
  const form = useCallForm(draft ?? initial);
  const [picked, setPicked] = useState<PickedRecord[]>([]);
  const callees: CalleeChoices = {
    options: calleeOptions(picked),
    loading: false,
    emptyHint: 'Add a contact or company under Associated records to choose who was called.',
  };
  // A callee must stay among the records the call is associated with: removing it there clears it here.
  const onPick = (next: PickedRecord[]) => {
    setPicked(next);
    const { calleeType, calleeId } = form.getValues();
    if (calleeId && !calleeOptions(next).some((o) => o.type === calleeType && o.id === calleeId)) {
      form.setValue('calleeType', '', { shouldDirty: true });
      form.setValue('calleeId', '', { shouldDirty: true });
    }
  };
  const changed = useFormChanged(form, initial) || picked.length > 0;
  const { prompt, allowNextNavigation } = useUnsavedChangesPrompt(changed);
  // A create whose answer was lost: the attempt, and what a search found out before the form may send it again.
  const [uncertain, setUncertain] = useState<(UncertainCreate & { attempt: Attempt }) | null>(null);

  const check = async (attempt: Attempt) => {
    const { properties, startedAt, error } = attempt;
    setUncertain({ state: 'checking', error, attempt });
    try {
      const call = await findCreatedCall(properties, startedAt);
      setUncertain(call ? { state: 'found', error, call, attempt } : { state: 'absent', error, attempt });
      if (call) dropDraft(draftKey);
    } catch (checkError) {
      setUncertain({ state: 'unknown', error, checkError, attempt });
    }
  };

  const onSubmit = async (values: CallFormValues) => {
    const properties = formValuesToProperties(values);
    const startedAt = Date.now();
    setUncertain(null);
    let created;
    try {
      created = await createCall.mutateAsync({ properties, associations: pickedToAssociationInputs(picked) });
    } catch (error) {
      // Refused or never sent: the form says so and may send again. Otherwise HubSpot may have it: look first.
      if (saveFailureKind(error) !== 'ambiguous') throw error;
      await check({ properties, startedAt, error });
      return;
    }
    dropDraft(draftKey);
    allowNextNavigation();
    notify({ message: `Call “${created.properties.hs_call_title || 'Untitled call'}” logged.`, severity: 'success' });
    void navigate(appPaths.call(created.id));
  };

  return (
    <CallFormFrame heading="Log a call" dialogs={prompt}>
      <CallForm
        form={form}
        timeZone={timeZone}
        onSubmit={onSubmit}
        onCancel={() => void navigate(lastListUrl())}
        submitLabel="Log call"
        callees={callees}
        canSubmit={maySendAgain(uncertain)}
        notice={
          uncertain && (
            <UncertainCreateNotice
              value={uncertain}
              onOpen={allowNextNavigation}
              onCheckAgain={() => void check(uncertain.attempt)}
            />
          )
        }
      >
        <Box component="section" aria-labelledby="associations-heading">
          <Typography id="associations-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
            Associated records
          </Typography>
          <AssociationPicker value={picked} onChange={onPick} />
        </Box>
      </CallForm>
    </CallFormFrame>
  );
}
