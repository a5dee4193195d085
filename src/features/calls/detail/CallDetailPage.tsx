/** /calls/:id: one call in full. */
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { appPaths, Link as RouterLink, useNavigate, useParams } from '../../../lib/router';
import type { HubSpotObject } from '../../../api/schemas';
import { describeError } from '../../../lib/describeError';
import { useNotify } from '../../../lib/notifications';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TriageBar } from './TriageBar';
import { formatDateTime, formatExactDateTime, userTimeZone } from '../../../lib/datetime';
import { AssociationsPanel, AssociationSummary, PinnedOnSummary } from '../../associations';
import { metadataQueries } from '../../../api/metadata-queries';
import { useArchiveCall } from '../calls-queries';
import { CalleeLink } from './CalleeLink';
import { CallNotes } from './CallNotes';
import { CopyButton } from './CopyButton';
import { lastListUrl } from '../shared/list-return';
import { PropertyGroups } from './PropertyGroups';
import { PropertyHistory } from './PropertyHistory';
import { dispositionLabels, outcomeLabel } from '../call-properties';
import { formatCallValue, type FormatContext } from '../call-values';
import { CallRecording } from './CallRecording';
import { Section } from './Section';
import { CallQueryGate } from '../shared/CallQueryGate';

export default function CallDetailPage() {
  const { id = '' } = useParams();
  return <CallQueryGate id={id}>{(call) => <CallDetail call={call} />}</CallQueryGate>;
}

function CallDetail({ call }: { call: HubSpotObject }) {
  const navigate = useNavigate();
  const notify = useNotify();
  const archive = useArchiveCall();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [timeZone] = useState(userTimeZone);
  const definitions = useQuery(metadataQueries.properties('calls')).data;
  const dispositions = useQuery(metadataQueries.dispositions()).data;
  const owners = useQuery(metadataQueries.owners()).data;
  const ctx: FormatContext = { definitions, dispositions, owners, timeZone };

  const p = call.properties;
  const title = p.hs_call_title?.trim() || 'Untitled call';
  const outcome = outcomeLabel(p.hs_call_disposition, dispositionLabels(dispositions));
  const direction = formatCallValue('hs_call_direction', p.hs_call_direction, ctx);
  const status = formatCallValue('hs_call_status', p.hs_call_status, ctx);
  const owner = formatCallValue('hubspot_owner_id', p.hubspot_owner_id, ctx);
  const listUrl = lastListUrl();

  const onDelete = () => {
    archive.mutate(
      { id: call.id },
      {
        onSuccess: () => {
          setConfirmDelete(false);
          notify({ message: `“${title}” moved to HubSpot's recycling bin.`, severity: 'success' });
          void navigate(listUrl);
        },
      },
    );
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 1100, mx: 'auto' }}>
      <TriageBar call={call} />
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }} component="header">
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="h4" component="h1" sx={{ overflowWrap: 'anywhere' }}>
              {title}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }} role="group" aria-label="Call summary">
              {outcome && (
                <Chip
                  label={`Outcome: ${outcome.label}`}
                  color={outcome.unknown ? 'warning' : 'primary'}
                  variant={outcome.unknown ? 'outlined' : 'filled'}
                  title={outcome.unknown ? `Outcome id ${p.hs_call_disposition ?? ''} is not one of this account's outcomes` : undefined}
                />
              )}
              {direction && <Chip label={`Direction: ${direction}`} variant="outlined" />}
              {status && <Chip label={`Status: ${status}`} variant="outlined" />}
            </Stack>
            <Typography sx={{ mt: 1.5 }} color="text.secondary">
              <Box component="span" title={p.hs_timestamp ?? undefined}>
                {p.hs_timestamp ? formatDateTime(p.hs_timestamp, timeZone) : 'No time set'}
              </Box>
              {' · '}
              {owner ? `Owner: ${owner}` : 'No owner'}
              {p.hs_call_callee_object_id && (
                <>
                  {' · '}
                  Callee: <CalleeLink calleeType={p.hs_call_callee_object_type} calleeId={p.hs_call_callee_object_id} />
                </>
              )}
            </Typography>
            {p.hs_timestamp && (
              <Typography variant="caption" color="text.secondary" component="div">
                Exact time: {formatExactDateTime(p.hs_timestamp, timeZone)} ({p.hs_timestamp})
              </Typography>
            )}
            <Box sx={{ mt: 1 }}>
              <AssociationSummary callId={call.id} />
              <PinnedOnSummary callId={call.id} />
            </Box>
            <Typography variant="caption" color="text.secondary" component="div" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
              Call ID <Box component="span" sx={{ fontFamily: 'monospace' }}>{call.id}</Box>
              <CopyButton value={call.id} label="Copy call ID" />
            </Typography>
          </Box>
          <Stack direction="row" spacing={1} sx={{ flexShrink: 0, flexWrap: 'wrap', rowGap: 1 }}>
            <Button component={RouterLink} to={listUrl} startIcon={<ArrowBackIcon />}>
              Open in list
            </Button>
            <Button component={RouterLink} to={appPaths.callEdit(call.id)} variant="contained" startIcon={<EditIcon />}>
              Edit
            </Button>
            <Button color="error" variant="outlined" startIcon={<DeleteIcon />} onClick={() => setConfirmDelete(true)}>
              Delete
            </Button>
          </Stack>
        </Stack>
      </Paper>

      <CallRecording recordingUrl={p.hs_call_recording_url} transcriptId={p.hs_call_transcription_id} />

      <Section title="Notes">
        <Paper variant="outlined" sx={{ p: 2 }}>
          <CallNotes body={p.hs_call_body ?? ''} />
        </Paper>
      </Section>

      <AssociationsPanel callId={call.id} />

      <Section title="Properties">
        <PropertyGroups call={call} ctx={ctx} />
      </Section>

      <Section title="History">
        <PropertyHistory call={call} ctx={ctx} />
      </Section>

      <ConfirmDialog
        open={confirmDelete}
        title={`Delete “${title}”?`}
        message={`The call “${title}” will be moved to HubSpot's recycling bin, where it can be restored for 90 days. It disappears from this app.`}
        confirmLabel="Delete call"
        destructive
        busy={archive.isPending}
        onConfirm={onDelete}
        onCancel={() => {
          setConfirmDelete(false);
          archive.reset();
        }}
      >
        {archive.error && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            HubSpot did not delete the call: {describeError(archive.error).text}
          </Alert>
        )}
      </ConfirmDialog>
    </Stack>
  );
}
