/**
 * "Undo this change": a confirmation that says how many calls will be restored (and that calls changed since are
 * skipped), the undo's progress with Stop, then what it did. The calls it skipped are listed from the entry's
 * records (JournalEntryPage), so they stay after a reload.
 */
import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { HubSpotObject } from '../../api/schemas';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { describeError } from '../../lib/describeError';
import { callKeys, callWriteKeys } from '../calls';
import { callCount, formatCount } from '../../lib/counts';
import type { JournalEntry, JournalRecord } from './journal-api';
import { journalKeys } from './journal-queries';
import { deletedByChange, undoable, undoChange, type UndoOutcome } from './undo';
import { CANNOT_RESTORE } from './write-values';

type Phase = { kind: 'idle' } | { kind: 'confirm' } | { kind: 'run'; done: number; total: number } | { kind: 'done'; outcome: UndoOutcome } | { kind: 'error'; message: string };

function outcomeText(o: UndoOutcome): string {
  const parts = [`Restored ${callCount(o.undone.length)}.`];
  if (o.skipped.length) parts.push(`Skipped ${callCount(o.skipped.length)} changed or deleted since (listed above).`);
  if (o.failed.length) parts.push(`Could not restore ${callCount(o.failed.length)}.`);
  if (o.cancelled) parts.push('Stopped: the calls not yet restored can still be undone.');
  return parts.join(' ');
}

export function UndoPanel({ entry, records }: { entry: JournalEntry; records: readonly JournalRecord[] }) {
  const qc = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const open = undoable(records);
  const restorable = open.filter((r) => !deletedByChange(r)).length;
  const deleted = open.length - restorable;

  // Under callWriteKeys.bulk: the list shows the restored values while HubSpot's search still lags.
  const { mutateAsync } = useMutation({
    mutationKey: callWriteKeys.bulk,
    meta: { errorTitle: false },
    mutationFn: async (signal: AbortSignal) => {
      const saved: HubSpotObject[] = [];
      const outcome = await undoChange(entry.id, { signal, onSaved: (calls) => saved.push(...calls), onProgress: (done, total) => setPhase({ kind: 'run', done, total }) });
      return { outcome, saved, archived: [] as string[] };
    },
  });

  const run = async () => {
    const ac = new AbortController();
    abort.current = ac;
    setPhase({ kind: 'run', done: 0, total: restorable });
    try {
      const { outcome } = await mutateAsync(ac.signal);
      setPhase({ kind: 'done', outcome });
    } catch (e) {
      setPhase({ kind: 'error', message: describeError(e).text });
    }
    void qc.invalidateQueries({ queryKey: journalKeys.all });
    void qc.invalidateQueries({ queryKey: callKeys.all });
  };

  let status: React.ReactNode = null;
  if (phase.kind === 'run') {
    status = (
      <>
        <Typography aria-live="polite" gutterBottom>
          Restoring… {formatCount(phase.done)} of {callCount(phase.total)} processed.
        </Typography>
        <LinearProgress aria-label="Undo progress" variant="determinate" value={phase.total ? (100 * phase.done) / phase.total : 0} />
      </>
    );
  } else if (phase.kind === 'done') {
    status = (
      <Alert severity={phase.outcome.skipped.length || phase.outcome.failed.length || phase.outcome.cancelled ? 'warning' : 'success'} role="status">
        {outcomeText(phase.outcome)}
      </Alert>
    );
  } else if (phase.kind === 'error') {
    status = (
      <Alert severity="error" role="alert">
        The undo stopped: {phase.message}
      </Alert>
    );
  }

  let action: React.ReactNode = null;
  if (phase.kind === 'run') action = <Button onClick={() => abort.current?.abort()}>Stop after this batch</Button>;
  else if (entry.status === 'pending') action = <Typography color="text.secondary">This change has not finished: it can be undone once every call&apos;s result is in.</Typography>;
  else if (restorable > 0 && !entry.undoneAt) {
    action = (
      <Button variant="contained" onClick={() => setPhase({ kind: 'confirm' })}>
        {open.length < records.filter((r) => r.result === 'applied').length ? 'Undo the rest of this change' : 'Undo this change'}
      </Button>
    );
  } else if (phase.kind !== 'done' && !entry.undoneAt) {
    action = <Typography color="text.secondary">{deleted > 0 ? CANNOT_RESTORE : 'Nothing to undo: no call of this change was applied.'}</Typography>;
  }
  if (!status && !action) return null;

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Undo">
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, alignItems: 'flex-start' }}>
        {status}
        {action}
      </Box>
      <ConfirmDialog
        open={phase.kind === 'confirm'}
        title="Undo this change?"
        message={
          <>
            {`Restore the previous values of ${callCount(restorable)}. Calls someone changed since this change are skipped and listed.`}
            {deleted > 0 ? ` ${callCount(deleted)} this change deleted cannot be restored here: restore them from HubSpot’s recycling bin.` : ''}
          </>
        }
        confirmLabel={`Restore ${callCount(restorable)}`}
        onConfirm={() => void run()}
        onCancel={() => setPhase({ kind: 'idle' })}
      />
    </Paper>
  );
}
