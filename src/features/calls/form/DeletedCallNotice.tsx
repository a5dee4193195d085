/** Shown on the edit form when HubSpot no longer has the call: what was typed is kept, logged anew or copied. */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useNotify } from '../../../lib/notifications';
import type { CallFormValues } from './call-form-mapping';
import { draftAsText } from './draft';

const LABELS: Record<keyof CallFormValues, string> = {
  title: 'Title',
  timestamp: 'Time',
  direction: 'Direction',
  disposition: 'Outcome',
  status: 'Status',
  activityType: 'Call type',
  duration: 'Duration',
  fromNumber: 'From number',
  toNumber: 'To number',
  recordingUrl: 'Recording URL',
  ownerId: 'Owner',
  body: 'Notes',
  attachmentIds: 'Attachment ids',
  source: 'Source',
  calleeType: 'Callee type',
  calleeId: 'Callee id',
};

export function DeletedCallNotice({ values, onLogAsNew }: { values: () => CallFormValues; onLogAsNew: () => void }) {
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(draftAsText(values(), LABELS));
      notify({ message: 'Copied what you typed to the clipboard.', severity: 'success' });
    } catch {
      notify({ message: 'The browser did not allow copying. Your values are still in the form.', severity: 'error' });
    }
  };
  return (
    <Alert severity="warning" role="alert">
      <AlertTitle>HubSpot no longer has this call</AlertTitle>
      It was deleted, perhaps in another tab, so your changes were not saved. What you typed is still in the form: log it as a
      new call or copy it.
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button variant="contained" size="small" onClick={onLogAsNew}>
          Log as a new call
        </Button>
        <Button size="small" onClick={() => void copy()}>
          Copy what you typed
        </Button>
      </Stack>
    </Alert>
  );
}
