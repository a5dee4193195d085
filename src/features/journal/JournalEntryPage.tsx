/**
 * /journal/:id: one bulk change: who made it, when, what, its status; the calls its undo skipped or could not
 * restore (prominent, with reasons); Undo (UndoPanel); then every call with its values before → after, linked to
 * the call, what came of applying it and of undoing it.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ErrorState } from '../../components/ErrorState';
import { formatDateTime, userTimeZone } from '../../lib/datetime';
import { appPaths, Link as RouterLink, useParams } from '../../lib/router';
import { ARCHIVED, type CallValues } from './call-values';
import { countsText, kindLabel, statusLabel } from './entry-labels';
import { callCount, formatCount } from '../../lib/counts';
import type { JournalRecord } from './journal-api';
import { journalQueries } from './journal-queries';
import { UndoPanel } from './UndoPanel';
import { valueLabels, type ValueLabels } from './value-labels';

/** Records shown at first, and added by "Show more". */
const RECORDS_PER_STEP = 100;

const NO_LABELS = valueLabels([]);

const RESULT_TEXT: Record<JournalRecord['result'], string> = { applied: 'Applied', failed: 'Failed', pending: 'Not reported' };
const UNDO_TEXT: Record<NonNullable<JournalRecord['undoResult']>, string> = { undone: 'Restored', skipped: 'Skipped', failed: 'Not restored' };

/** "Call outcome: No answer → Connected", a line per key. */
function Values({ before, after, labels }: { before: CallValues; after: CallValues; labels: ValueLabels }) {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return (
    <>
      {keys.map((key) => (
        <Box key={key} component="span" sx={{ display: 'block' }}>
          {key === ARCHIVED ? (after[key] === 'true' ? 'Deleted' : 'Restored') : `${labels.key(key)}: ${labels.value(key, before[key])} → ${labels.value(key, after[key])}`}
        </Box>
      ))}
    </>
  );
}

function CallLink({ id }: { id: string }) {
  return (
    <Link component={RouterLink} to={appPaths.call(id)} sx={{ fontFamily: 'monospace' }}>
      {id}
    </Link>
  );
}

/** The calls an undo left as they are, with why: what the user must look at. */
function NotRestored({ records }: { records: readonly JournalRecord[] }) {
  const skipped = records.filter((r) => r.undoResult === 'skipped' || r.undoResult === 'failed');
  if (skipped.length === 0) return null;
  return (
    <Alert severity="warning" role="region" aria-label="Calls the undo skipped">
      <AlertTitle>
        {callCount(skipped.length)} {skipped.length === 1 ? 'was' : 'were'} not restored
      </AlertTitle>
      <Typography variant="body2" gutterBottom>
        These calls were changed or deleted after this change (or cannot be restored), so the undo left them as they are.
      </Typography>
      <Table size="small" aria-label="Calls not restored">
        <TableHead>
          <TableRow>
            <TableCell>Call</TableCell>
            <TableCell>Reason</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {skipped.map((r) => (
            <TableRow key={r.callId}>
              <TableCell>
                <CallLink id={r.callId} />
              </TableCell>
              <TableCell>{r.undoError}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Alert>
  );
}

export default function JournalEntryPage() {
  const id = useParams().id ?? '';
  const entry = useQuery(journalQueries.entry(id));
  const records = useQuery(journalQueries.records(id));
  const labels = useQuery(journalQueries.labels()).data ?? NO_LABELS;
  const [shown, setShown] = useState(RECORDS_PER_STEP);
  const [timeZone] = useState(userTimeZone);

  if (entry.isError) return <ErrorState error={entry.error} title="Could not read this journal entry" onRetry={() => void entry.refetch()} />;
  if (!entry.data) return <Skeleton variant="rounded" height={300} aria-label="Loading the journal entry" />;
  const e = entry.data;

  return (
    <Stack spacing={2} sx={{ width: '100%', maxWidth: 1200 }}>
      <Box>
        <Link component={RouterLink} to={appPaths.journal()} variant="body2">
          ← Journal
        </Link>
        <Typography variant="h5" component="h1">
          {e.summary}
        </Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0, mt: 1 }}>
          <dt>When</dt>
          <dd style={{ margin: 0 }}>{formatDateTime(e.createdAt, timeZone)}</dd>
          <dt>Who</dt>
          <dd style={{ margin: 0 }}>{e.actor}</dd>
          <dt>What</dt>
          <dd style={{ margin: 0 }}>{kindLabel(e.kind)}</dd>
          <dt>Status</dt>
          <dd style={{ margin: 0 }}>{statusLabel(e)}</dd>
          <dt>Calls</dt>
          <dd style={{ margin: 0 }}>{countsText(e.counts)}</dd>
          {e.undoneAt && (
            <>
              <dt>Undone</dt>
              <dd style={{ margin: 0 }}>
                {formatDateTime(e.undoneAt, timeZone)} by {e.undoneBy ?? 'someone'}
              </dd>
            </>
          )}
        </Box>
      </Box>

      {records.data && <NotRestored records={records.data} />}
      {records.data && <UndoPanel entry={e} records={records.data} />}

      <Typography variant="h6" component="h2">
        Calls
      </Typography>
      {records.isError && <ErrorState error={records.error} title="Could not read the calls of this change" onRetry={() => void records.refetch()} />}
      {!records.data && !records.isError && <Skeleton variant="rounded" height={200} aria-label="Loading the calls of this change" />}
      {records.data && (
        <>
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label="Calls of this change">
              <TableHead>
                <TableRow>
                  <TableCell>Call</TableCell>
                  <TableCell>Before → after</TableCell>
                  <TableCell>Result</TableCell>
                  <TableCell>Undo</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {records.data.slice(0, shown).map((r) => (
                  <TableRow key={r.callId}>
                    <TableCell>
                      <CallLink id={r.callId} />
                    </TableCell>
                    <TableCell>
                      <Values before={r.before} after={r.after} labels={labels} />
                    </TableCell>
                    <TableCell>
                      {RESULT_TEXT[r.result]}
                      {r.error && (
                        <Typography variant="body2" color="error">
                          {r.error}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      {r.undoResult ? UNDO_TEXT[r.undoResult] : '—'}
                      {r.undoError && (
                        <Typography variant="body2" color="text.secondary">
                          {r.undoError}
                        </Typography>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {records.data.length > shown && (
            <Box>
              <Button onClick={() => setShown((n) => n + RECORDS_PER_STEP)}>
                Show more ({formatCount(records.data.length - shown)} not shown)
              </Button>
            </Box>
          )}
        </>
      )}
    </Stack>
  );
}
