/**
 * "Repair all N calls with a single unambiguous match": a preview (how many, which call goes to which record),
 * then one journaled change for all of them with progress and Cancel, then the per-call report.
 */
import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { describeError } from '../../lib/describeError';
import { ChangeReport, runJournaledChange, type ChangeResult } from '../journal';
import { describeRepair, repairChange, type CallRepair } from './repair';
import type { RepairOutcome } from './RepairCallList';

type Phase = { kind: 'preview' } | { kind: 'running'; done: number } | { kind: 'done'; result: ChangeResult } | { kind: 'error'; message: string };

export function RepairAllDialog({ repairs, onClose, onDone }: { repairs: readonly CallRepair[]; onClose: () => void; onDone: (outcomes: Record<string, RepairOutcome>) => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'preview' });
  const abort = useRef<AbortController | null>(null);
  const n = repairs.length;
  const callsText = `${n} ${n === 1 ? 'call' : 'calls'}`;

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'running', done: 0 });
    const chosen = repairs.flatMap((r) => (r.candidates[0] ? [{ repair: r, candidate: r.candidates[0] }] : []));
    try {
      const result = await runJournaledChange(
        { kind: 'associations', summary: `Repair by phone number: ${callsText} tied to the one record with their number`, changes: chosen.map((c) => repairChange(c.repair, c.candidate)) },
        { signal: controller.signal, onProgress: (done) => setPhase({ kind: 'running', done }) },
      );
      const failed = new Map(result.report.failed.map((f) => [f.id, f.reason]));
      const outcomes: Record<string, RepairOutcome> = {};
      for (const { repair, candidate } of chosen) {
        if (result.report.succeeded.includes(repair.callId)) outcomes[repair.callId] = { kind: 'repaired', candidate, entryId: result.entry.id };
        else outcomes[repair.callId] = { kind: 'failed', reason: failed.get(repair.callId) ?? 'Cancelled before it was sent to HubSpot.', entryId: result.entry.id };
      }
      onDone(outcomes);
      setPhase({ kind: 'done', result });
    } catch (error) {
      // The journal entry could not be written: nothing was sent to HubSpot.
      setPhase({ kind: 'error', message: describeError(error).message });
    }
  };

  const running = phase.kind === 'running';
  return (
    <Dialog open onClose={running ? undefined : onClose} aria-labelledby="repair-all-title" fullWidth maxWidth="md">
      <DialogTitle id="repair-all-title">Repair {callsText} with a single match</DialogTitle>
      <DialogContent>
        {phase.kind === 'preview' && (
          <>
            <Typography>
              Each of these {callsText} has exactly one contact or company with its phone number. Each goes to that record
              (off its placeholder contact, if it has one). The change is journaled and can be undone.
            </Typography>
            <Box component="ul" aria-label="Calls and their matches" sx={{ pl: 3 }}>
              {repairs.map((r) => (
                <li key={r.callId}>
                  {r.title} ({r.number?.e164}): {r.candidates[0] && describeRepair(r, r.candidates[0])}
                </li>
              ))}
            </Box>
          </>
        )}
        {phase.kind === 'running' && (
          <Box role="status">
            <Typography>
              Repairing… {phase.done} of {callsText} done.
            </Typography>
            <LinearProgress variant="determinate" value={n ? (100 * phase.done) / n : 100} aria-label="Progress" />
          </Box>
        )}
        {phase.kind === 'done' && <ChangeReport result={phase.result} />}
        {phase.kind === 'error' && <Alert severity="error">Nothing was changed: {phase.message}</Alert>}
      </DialogContent>
      <DialogActions>
        {phase.kind === 'preview' && (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="contained" onClick={() => void run()} autoFocus>
              Repair {callsText}
            </Button>
          </>
        )}
        {running && <Button onClick={() => abort.current?.abort()}>Cancel</Button>}
        {(phase.kind === 'done' || phase.kind === 'error') && (
          <Button onClick={onClose} autoFocus>
            Close
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
