import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { Utterance } from '../../../api/transcripts';
import { ErrorState } from '../../../components/ErrorState';
import { transcriptQueries } from './transcript-queries';

/** Where in the call a line starts: `mm:ss`, or `h:mm:ss` past the first hour. */
function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const ss = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

const SOURCES: Record<string, string> = {
  HUBSPOT_GENERATED: 'Transcribed by HubSpot.',
  INTEGRATOR_GENERATED: 'Transcript from the calling app.',
};

function Line({ u }: { u: Utterance }) {
  const seconds = Math.floor(u.startTimeMillis / 1000);
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'baseline', width: '100%' }}>
      <Box component="time" dateTime={`PT${seconds}S`} sx={{ fontFamily: 'monospace', color: 'text.secondary', flexShrink: 0 }}>
        {formatOffset(u.startTimeMillis)}
      </Box>
      <Box sx={{ minWidth: 0 }}>
        <Box component="span" sx={{ fontWeight: 600, mr: 1 }} title={u.speaker?.email}>
          {u.speaker?.name || 'Unknown speaker'}
        </Box>
        <Box component="span" lang={u.languageCode} sx={{ overflowWrap: 'anywhere' }}>
          {u.text}
        </Box>
      </Box>
    </Stack>
  );
}

/**
 * The transcript HubSpot keeps for a call: who said what, and when. With `onSeek` (the call has a
 * playable recording), each line is a button that plays the recording from that line.
 */
export function TranscriptPanel({ transcriptId, onSeek }: { transcriptId: string; onSeek?: (ms: number) => void }) {
  const { data, error, isPending, refetch } = useQuery(transcriptQueries.detail(transcriptId));

  if (isPending) {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <CircularProgress size={18} aria-hidden />
        <Typography color="text.secondary">Loading the transcript…</Typography>
      </Stack>
    );
  }
  if (error) {
    if (error.status === 404) {
      return (
        <Alert severity="info">
          HubSpot has no transcript for this call through its API. Transcripts HubSpot made itself are not always available to apps; the
          call’s page in HubSpot may still show one.
        </Alert>
      );
    }
    const refused = error.status === 401 || error.status === 403;
    return (
      <Stack spacing={1}>
        <ErrorState
          error={error}
          title={refused ? 'HubSpot did not let this app read the transcript' : 'Could not load the transcript'}
          onRetry={() => void refetch()}
        />
        {refused && (
          <Typography variant="body2" color="text.secondary">
            Reading transcripts needs the crm.extensions_calling_transcripts.read scope on the app’s HubSpot credentials.
          </Typography>
        )}
      </Stack>
    );
  }

  const lines = [...data.transcriptUtterances].sort((a, b) => a.startTimeMillis - b.startTimeMillis);
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="body2" color="text.secondary">
        {SOURCES[data.transcriptSource] ?? 'Transcript.'}
        {onSeek && lines.length > 0 && ' Select a line to play the recording from there.'}
      </Typography>
      {lines.length === 0 ? (
        <Typography sx={{ mt: 1 }}>The transcript has no lines.</Typography>
      ) : (
        <List aria-label="Transcript" dense sx={{ mt: 1 }}>
          {lines.map((u) => (
            <ListItem key={u.id} disablePadding>
              {onSeek ? (
                <ListItemButton onClick={() => onSeek(u.startTimeMillis)}>
                  <Line u={u} />
                </ListItemButton>
              ) : (
                <Box sx={{ px: 2, py: 0.5, width: '100%' }}>
                  <Line u={u} />
                </Box>
              )}
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}
