/** /calls/new: log a call, optionally tied to contacts, companies, deals and tickets. */
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { appPaths, useNavigate } from '../../../lib/router';
import { useNotify } from '../../../lib/notifications';
import { userTimeZone } from '../../../lib/datetime';
import { AssociationPicker, pickedToAssociationInputs, type PickedRecord } from '../../associations';
import { useCreateCall } from '../calls-queries';
import { lastListUrl } from '../shared/list-return';
import { emptyCallFormValues, formValuesToProperties, type CallFormValues } from './call-form-mapping';
import { CallForm, useCallForm, useFormChanged } from './CallForm';
import { useUnsavedChangesPrompt } from './useUnsavedChangesPrompt';

export default function CallCreatePage() {
  const navigate = useNavigate();
  const notify = useNotify();
  const createCall = useCreateCall();
  const [timeZone] = useState(userTimeZone);
  const [initial] = useState(() => emptyCallFormValues(timeZone));
  const form = useCallForm(initial);
  const [picked, setPicked] = useState<PickedRecord[]>([]);
  const changed = useFormChanged(form, initial) || picked.length > 0;
  const { prompt, allowNextNavigation } = useUnsavedChangesPrompt(changed);

  const onSubmit = async (values: CallFormValues) => {
    const created = await createCall.mutateAsync({ properties: formValuesToProperties(values), associations: pickedToAssociationInputs(picked) });
    allowNextNavigation();
    notify({ message: `Call “${created.properties.hs_call_title || 'Untitled call'}” logged.`, severity: 'success' });
    void navigate(appPaths.call(created.id));
  };

  return (
    <Box sx={{ maxWidth: 960, mx: 'auto' }}>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        Log a call
      </Typography>
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
        <CallForm form={form} timeZone={timeZone} onSubmit={onSubmit} onCancel={() => void navigate(lastListUrl())} submitLabel="Log call">
          <Box component="section" aria-labelledby="associations-heading">
            <Typography id="associations-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
              Associated records
            </Typography>
            <AssociationPicker value={picked} onChange={setPicked} />
          </Box>
        </CallForm>
      </Paper>
      {prompt}
    </Box>
  );
}
