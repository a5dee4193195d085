/**
 * Bulk "set outcome" and "delete": (collect the ids of every matching call) → confirm with count and
 * effect (deleting more than 100 calls asks for the number to be typed) → journal the change (each call's
 * outcome before, or "not deleted"), then run it through the batch endpoints in chunks of 100 with a progress
 * bar → per-record report with a retry of the failures, and the link to the change in the journal (its undo).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { subscribeRetryNotice, type RetryNotice } from '../../../api/http';
import type { Disposition, HubSpotObject } from '../../../api/schemas';
import { callWriteKeys, type CallListParams } from '../calls-queries';
import type { BulkReport } from '../../../api/batch-runner';
import { describeError } from '../../../lib/describeError';
import { appPaths, Link as RouterLink } from '../../../lib/router';
import { deleteChange, outcomeChange, runJournaledChange } from '../../journal';
import { currentOutcomes } from './bulk';
import { callCount, formatCount } from './counts';
import { FetchProgress } from './FetchProgress';
import { fetchMatchingIds } from './list-queries';
import type { CallWrites } from './recent-writes';

export type BulkAction = 'outcome' | 'delete';

/** Deleting more calls than this at once asks the user to type the number of calls. */
const TYPED_CONFIRMATION_ABOVE = 100;

/** What the user typed is the count: digits, with or without thousands separators or spaces. */
function typedCountMatches(typed: string, count: number): boolean {
  const digits = typed.replace(/[\s,.'\u00a0\u202f]/g, '');
  return /^\d+$/.test(digits) && Number(digits) === count;
}

export interface BulkRequest {
  action: BulkAction;
  /** Explicitly selected ids, or every call matching `matching`. */
  ids?: string[];
  matching?: CallListParams;
}

type Phase =
  | { kind: 'collect'; fetched: number; total?: number }
  | { kind: 'confirm'; ids: string[] }
  | { kind: 'run'; done: number; total: number }
  | { kind: 'report'; report: BulkReport; attempted: number; entryId: string }
  | { kind: 'error'; message: string };


export interface BulkDialogProps {
  request: BulkRequest;
  dispositions: readonly Disposition[] | undefined;
  onClose: () => void;
  /** After every run (also partial): lets the page refresh caches and selection. */
  onRan: (action: BulkAction, report: BulkReport) => void;
}

export function BulkDialog({ request, dispositions, onClose, onRan }: BulkDialogProps) {
  const titleId = useId();
  const [phase, setPhase] = useState<Phase>(() =>
    request.ids ? { kind: 'confirm', ids: request.ids } : { kind: 'collect', fetched: 0 },
  );
  const [outcome, setOutcome] = useState('');
  const [typedCount, setTypedCount] = useState('');
  const [notice, setNotice] = useState<RetryNotice | null>(null);
  const outcomeName = dispositions?.find((d) => d.id === outcome)?.label ?? '';
  const abort = useRef<AbortController | null>(null);
  // The outcomes the search for the matching calls read (what the change journals as each call's value before).
  const knownOutcomes = useRef<ReadonlyMap<string, string | null>>(new Map());

  useEffect(() => subscribeRetryNotice(setNotice), []);

  // Collect the ids of every matching call first, so the confirmation can state the exact count.
  useEffect(() => {
    if (!request.matching) return;
    const ac = new AbortController();
    abort.current = ac;
    fetchMatchingIds(request.matching, (p) => setPhase({ kind: 'collect', fetched: p.fetched, total: p.total }), ac.signal).then(
      (res) => {
        knownOutcomes.current = res.outcomes;
        setPhase({ kind: 'confirm', ids: res.ids });
      },
      (e: unknown) => {
        if (!ac.signal.aborted) setPhase({ kind: 'error', message: e instanceof Error ? e.message : 'Could not list the matching calls.' });
      },
    );
    return () => ac.abort();
  }, [request.matching]);

  // A mutation under callWriteKeys, so lists served by HubSpot's lagging search show what it saved.
  const { mutateAsync: runBatches } = useMutation({
    mutationKey: callWriteKeys.bulk,
    meta: { errorTitle: false },
    mutationFn: async ({ ids, signal }: { ids: string[]; signal: AbortSignal }): Promise<CallWrites & { report: BulkReport; entryId: string }> => {
      const saved: HubSpotObject[] = [];
      const change = request.action === 'delete' ? deleteChange(ids) : outcomeChange(await currentOutcomes(ids, knownOutcomes.current, signal), outcome, outcomeName);
      const { entry, report } = await runJournaledChange(change, {
        signal,
        onSaved: (calls) => saved.push(...calls),
        onProgress: (done, total) => setPhase({ kind: 'run', done, total }),
      });
      return { report, entryId: entry.id, saved, archived: request.action === 'delete' ? report.succeeded : [] };
    },
  });

  const run = async (ids: string[]) => {
    const ac = new AbortController();
    abort.current = ac;
    setPhase({ kind: 'run', done: 0, total: ids.length });
    try {
      const { report, entryId } = await runBatches({ ids, signal: ac.signal });
      onRan(request.action, report);
      setPhase({ kind: 'report', report, attempted: ids.length, entryId });
    } catch (e) {
      // The journal could not be written (or the outcomes before could not be read): nothing was sent to HubSpot.
      setPhase({ kind: 'error', message: ac.signal.aborted ? 'Stopped before anything was changed.' : `Nothing was changed: ${describeError(e).text}` });
    } finally {
      setNotice(null);
    }
  };

  const busy = phase.kind === 'collect' || phase.kind === 'run';
  const title = request.action === 'delete' ? 'Delete calls' : 'Set outcome';

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {phase.kind === 'collect' && (
            <FetchProgress
              lead="Finding every call that matches the current filters…"
              tail="found."
              label="Finding matching calls"
              fetched={phase.fetched}
              total={phase.total}
            />
        )}
        {phase.kind === 'confirm' && (
          <>
            {phase.ids.length === 0 ? (
              <Typography>No calls match, so there is nothing to do.</Typography>
            ) : request.action === 'delete' && phase.ids.length > TYPED_CONFIRMATION_ABOVE ? (
              <>
                <Typography gutterBottom>
                  Delete {callCount(phase.ids.length)}? They move to HubSpot&apos;s recycling bin and disappear from this list. The recycling bin is in
                  HubSpot: calls can be restored there for 90 days, and this console cannot restore them.
                </Typography>
                <TextField
                  fullWidth
                  size="small"
                  label="Type the number of calls to delete"
                  helperText={`Type ${phase.ids.length} to confirm.`}
                  value={typedCount}
                  onChange={(e) => setTypedCount(e.target.value)}
                  autoComplete="off"
                  slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                  sx={{ mt: 1 }}
                />
              </>
            ) : request.action === 'delete' ? (
              <Typography gutterBottom>
                Delete {callCount(phase.ids.length)}? They move to HubSpot&apos;s recycling bin, where they can be restored for 90 days, and
                disappear from this list.
              </Typography>
            ) : (
              <>
                <Typography gutterBottom>
                  Set the outcome of {callCount(phase.ids.length)} to the outcome you choose. Their current outcomes are replaced.
                </Typography>
                <TextField select fullWidth size="small" label="New outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)} sx={{ mt: 1 }}>
                  {(dispositions ?? [])
                    .filter((d) => !d.archived)
                    .map((d) => (
                      <MenuItem key={d.id} value={d.id}>
                        {d.label}
                      </MenuItem>
                    ))}
                </TextField>
              </>
            )}
            {phase.ids.length > 100 && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                The work is sent in {formatCount(Math.ceil(phase.ids.length / 100))} batches of up to 100.
              </Typography>
            )}
          </>
        )}
        {phase.kind === 'run' && (
          <>
            <Typography gutterBottom aria-live="polite">
              {request.action === 'delete' ? 'Deleting' : 'Updating'}… {formatCount(phase.done)} of {callCount(phase.total)} processed.
            </Typography>
            <LinearProgress aria-label="Bulk progress" variant="determinate" value={phase.total ? (100 * phase.done) / phase.total : 0} />
            {notice && (
              <Alert severity="info" sx={{ mt: 2 }}>
                {notice.reason === 'rate-limit' ? 'HubSpot is rate-limiting requests' : 'HubSpot is briefly unavailable'}; continuing in{' '}
                {notice.retryInSeconds} s.
              </Alert>
            )}
          </>
        )}
        {phase.kind === 'report' && <Report report={phase.report} attempted={phase.attempted} action={request.action} outcomeName={outcomeName} entryId={phase.entryId} />}
        {phase.kind === 'error' && (
          <Alert severity="error" role="alert">
            {phase.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {phase.kind === 'collect' && <Button onClick={onClose}>Cancel</Button>}
        {phase.kind === 'run' && <Button onClick={() => abort.current?.abort()}>Stop after this batch</Button>}
        {phase.kind === 'confirm' && (
          <>
            <Button onClick={onClose} autoFocus>
              Cancel
            </Button>
            {phase.ids.length > 0 && (
              <Button
                variant="contained"
                color={request.action === 'delete' ? 'error' : 'primary'}
                disabled={
                  request.action === 'outcome'
                    ? !outcome
                    : phase.ids.length > TYPED_CONFIRMATION_ABOVE && !typedCountMatches(typedCount, phase.ids.length)
                }
                onClick={() => void run(phase.ids)}
              >
                {request.action === 'delete' ? `Delete ${callCount(phase.ids.length)}` : `Set outcome of ${callCount(phase.ids.length)}`}
              </Button>
            )}
          </>
        )}
        {phase.kind === 'report' && phase.report.failed.length > 0 && (
          <Button onClick={() => void run(phase.report.failed.map((f) => f.id))}>Retry {callCount(phase.report.failed.length)} that failed</Button>
        )}
        {(phase.kind === 'report' || phase.kind === 'error') && (
          <Button variant="contained" onClick={onClose}>
            Close
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

function Report({ report, attempted, action, outcomeName, entryId }: { report: BulkReport; attempted: number; action: BulkAction; outcomeName: string; entryId: string }) {
  const verb = action === 'delete' ? 'deleted' : `set to ${outcomeName}`;
  const skipped = attempted - report.succeeded.length - report.failed.length;
  return (
    <Box role="status">
      <Alert severity={report.failed.length ? 'warning' : 'success'} sx={{ mb: 2 }}>
        {callCount(report.succeeded.length)} {verb}.{report.failed.length ? ` ${callCount(report.failed.length)} failed.` : ''}
        {report.cancelled && skipped > 0 ? ` Stopped before ${callCount(skipped)}.` : ''}
      </Alert>
      {report.failed.length > 0 && (
        <Table size="small" aria-label="Calls that failed">
          <TableHead>
            <TableRow>
              <TableCell>Call ID</TableCell>
              <TableCell>Reason</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.failed.slice(0, 200).map((f) => (
              <TableRow key={f.id}>
                <TableCell sx={{ fontFamily: 'monospace' }}>{f.id}</TableCell>
                <TableCell>{f.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {report.succeeded.length > 0 && (
        <Box component="details" sx={{ mt: 2 }}>
          <summary>
            Show the {callCount(report.succeeded.length)} that {action === 'delete' ? 'were deleted' : 'changed'}
          </summary>
          <Box component="p" sx={{ fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere', maxHeight: 160, overflow: 'auto' }}>
            {report.succeeded.join(', ')}
          </Box>
        </Box>
      )}
      {report.failed.length > 200 && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          … and {formatCount(report.failed.length - 200)} more.
        </Typography>
      )}
      <Typography variant="body2" sx={{ mt: 2 }}>
        <Link component={RouterLink} to={appPaths.journalEntry(entryId)}>
          {action === 'outcome' && report.succeeded.length > 0 ? 'Open in the journal to undo' : 'Open in the journal'}
        </Link>
      </Typography>
    </Box>
  );
}
