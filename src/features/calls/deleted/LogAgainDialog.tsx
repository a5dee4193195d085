/**
 * "Log again as a new call": reads the deleted call (its copyable properties and the associations HubSpot
 * lists for it), says what the new call gets and what it does not (the recording), creates it, and links to it.
 */
import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { metadataQueries } from '../../../api/metadata-queries';
import { RECORD_TYPE_LABELS, RECORD_TYPES } from '../../../api/records';
import type { HubSpotObject } from '../../../api/schemas';
import { ErrorState } from '../../../components/ErrorState';
import { appPaths, Link as RouterLink } from '../../../lib/router';
import { useCreateCall } from '../calls-queries';
import { copiedAssociations, copiedProperties, copyablePropertyNames, deletedCallQueries, type CopiedAssociations } from './deleted-calls';

const RECORDING = 'hs_call_recording_url';

export interface LogAgainDialogProps {
  /** The deleted call as the list shows it (id and title). */
  call: HubSpotObject;
  onClose: () => void;
}

export function LogAgainDialog({ call, onClose }: LogAgainDialogProps) {
  const titleId = useId();
  const definitions = useQuery(metadataQueries.properties('calls'));
  const names = definitions.data ? copyablePropertyNames(definitions.data) : [];
  // The recording URL is read (to say it is not copied), not copied.
  const source = useQuery({ ...deletedCallQueries.call(call.id, [...names, RECORDING]), enabled: definitions.isSuccess });
  const create = useCreateCall();

  const copy = source.data
    ? { properties: copiedProperties(source.data, names), associations: copiedAssociations(source.data), hadRecording: Boolean(source.data.properties[RECORDING]) }
    : undefined;
  const failed = definitions.error ?? source.error;
  const created = create.data;

  return (
    <Dialog open onClose={create.isPending ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Log again as a new call</DialogTitle>
      <DialogContent>
        {failed ? (
          <ErrorState
            error={failed}
            title="Could not read the deleted call"
            onRetry={() => void (definitions.isError ? definitions.refetch() : source.refetch())}
          />
        ) : !copy ? (
          <Stack direction="row" spacing={1} role="status" sx={{ alignItems: 'center' }}>
            <CircularProgress size={20} aria-hidden />
            <Typography>Reading the deleted call…</Typography>
          </Stack>
        ) : created ? (
          <Alert severity="success" role="status">
            Logged as a new call (ID {created.id}).{' '}
            <RouterLink to={appPaths.call(created.id)}>Open the new call</RouterLink>
          </Alert>
        ) : (
          <Stack spacing={1.5}>
            <Typography>
              This logs a new call with the same {Object.keys(copy.properties).length} properties as “{call.properties.hs_call_title || 'Untitled call'}”. It gets
              a new ID; the deleted call stays in HubSpot&apos;s recycling bin.
            </Typography>
            <AssociationsNote associations={copy.associations} />
            <Alert severity="warning">
              {copy.hadRecording ? 'The recording is not copied: ' : 'Recordings are never copied: '}
              HubSpot deletes a call&apos;s recording when the call is deleted, so the new call has no recording (a link to it would not play).
            </Alert>
            {create.error && <ErrorState error={create.error} title="HubSpot did not log the call" />}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={create.isPending}>
          {created ? 'Close' : 'Cancel'}
        </Button>
        {copy && !created && (
          <Button
            variant="contained"
            disabled={create.isPending}
            onClick={() => create.mutate({ properties: copy.properties, associations: copy.associations.inputs })}
          >
            {create.isPending ? 'Logging…' : 'Log the new call'}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

function AssociationsNote({ associations }: { associations: CopiedAssociations }) {
  if (associations.noneListed) {
    return (
      <Alert severity="info">
        HubSpot lists no associated records for this deleted call (it had none, or HubSpot does not list them for deleted calls), so the new call is
        logged without associations. Add them on the new call&apos;s page.
      </Alert>
    );
  }
  const parts = RECORD_TYPES.flatMap((type) => {
    const n = associations.counts[type];
    return n ? [`${n} ${(n === 1 ? RECORD_TYPE_LABELS[type].one : RECORD_TYPE_LABELS[type].many).toLowerCase()}`] : [];
  });
  return (
    <Typography>
      The new call is associated with the same records: {parts.join(', ')}.
      {associations.partial && ' HubSpot listed only part of them; add the others on the new call’s page.'}
    </Typography>
  );
}
