/**
 * Applying a fix through the journal (features/journal's runJournaledChange): progress, "Stop after this batch",
 * then the per-call report; the queues and the calls are read again afterwards. The state lives here; the fix's
 * own form and preview stay as they are whatever happens.
 */
import { useRef, useState } from 'react';
import { callCount } from '../../lib/counts';
import { useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ErrorState } from '../../components/ErrorState';
import { ChangeReport, runJournaledChange, type ChangeResult, type JournaledChange } from '../journal';
import { refreshAfterFix } from './hygiene-queries';

export type ApplyState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; result: ChangeResult }
  | { kind: 'error'; error: unknown };

export function useJournaledApply() {
  const qc = useQueryClient();
  const [state, setState] = useState<ApplyState>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const apply = async (change: JournaledChange) => {
    const ac = new AbortController();
    abort.current = ac;
    setState({ kind: 'running', done: 0, total: change.changes.length });
    try {
      const result = await runJournaledChange(change, { signal: ac.signal, onProgress: (done, total) => setState({ kind: 'running', done, total }) });
      setState({ kind: 'done', result });
      refreshAfterFix(qc);
    } catch (error) {
      setState({ kind: 'error', error });
    }
  };
  return {
    state,
    apply,
    cancel: () => abort.current?.abort(),
    reset: () => setState({ kind: 'idle' }),
    busy: state.kind === 'running',
  };
}

/** The run's progress with its cancel, the report when it ended, or why it could not start. */
export function ApplyStatus({ state, onCancel }: { state: ApplyState; onCancel: () => void }) {
  if (state.kind === 'running') {
    return (
      <Stack spacing={1}>
        <Typography aria-live="polite">
          Applying… {state.done.toLocaleString('en-US')} of {callCount(state.total)} processed.
        </Typography>
        <LinearProgress aria-label="Progress of the change" variant="determinate" value={state.total ? (100 * state.done) / state.total : 0} />
        <Box>
          <Button onClick={onCancel}>Stop after this batch</Button>
        </Box>
      </Stack>
    );
  }
  if (state.kind === 'done') {
    return (
      <Stack spacing={1}>
        <ChangeReport result={state.result} />
        <Typography variant="body2" color="text.secondary">
          HubSpot’s search takes a few seconds to show the change: the queue refreshes by itself.
        </Typography>
      </Stack>
    );
  }
  if (state.kind === 'error') return <ErrorState error={state.error} title="The change did not go through" />;
  return null;
}
