/**
 * "Resolve…" for one group of the duplicates queue: a dialog that reads the group from HubSpot now, proposes the
 * call with the most data as the one to keep (another can be chosen), previews the merge (duplicate-merge.ts),
 * and applies it as ONE journaled change (kind 'duplicate-merge', so one Undo in the journal): the kept call gets
 * the values it lacks and the group's records, the others are deleted. Then the per-call report, and the group
 * says "Resolved". The queue itself comes from the last scan: the group leaves it with the next scan, which the
 * user starts from here (Refresh: only the calls changed since), so the list does not shift under them while
 * they work through the groups.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ErrorState } from '../../components/ErrorState';
import { callKeys } from '../calls';
import { ChangeReport, runJournaledChange, type ChangeResult } from '../journal';
import { planMerge, proposedKeeper, rankByData, type MergePlan } from './duplicate-merge';
import { duplicateQueries, MAX_GROUP } from './duplicate-reads';
import { useScan, useStartScan } from './hygiene-queries';
import { callTitle, KeeperChoice, MergePreview } from './MergePreview';

/** An applied resolution: the journal's result and the plan it applied. */
interface Resolution {
  result: ChangeResult;
  plan: MergePlan;
}

type Phase = { kind: 'preview'; error?: unknown } | { kind: 'applying'; done: number; total: number };

function summaryOf(plan: MergePlan): string {
  const title = callTitle(plan.keeper);
  const kept = title.length > 80 ? `${title.slice(0, 79)}…` : title;
  const records = Object.values(plan.added).reduce((n, ids) => n + ids.length, 0);
  return `Duplicates resolved: kept “${kept}” (call ${plan.keeper.id}), ${plan.copied.length} ${plan.copied.length === 1 ? 'value' : 'values'} copied, ${records} ${records === 1 ? 'record' : 'records'} added, ${plan.archived.length} ${plan.archived.length === 1 ? 'call' : 'calls'} deleted`;
}

function ResolveDialog({ group, name, onClose, onDone }: { group: readonly string[]; name: string; onClose: () => void; onDone: (r: Resolution) => void }) {
  const qc = useQueryClient();
  const read = useQuery({ ...duplicateQueries.group(group), enabled: group.length <= MAX_GROUP });
  const [chosen, setChosen] = useState<string>();
  const [phase, setPhase] = useState<Phase>({ kind: 'preview' });
  const abort = useRef<AbortController | null>(null);
  const calls = read.data;
  const ranked = useMemo(() => rankByData(calls ?? []), [calls]);
  const proposed = proposedKeeper(ranked);
  const keeperId = chosen && calls?.some((c) => c.id === chosen) ? chosen : proposed;
  const plan = useMemo(() => (calls && keeperId && calls.length > 1 ? planMerge(calls, keeperId) : undefined), [calls, keeperId]);
  const busy = phase.kind === 'applying';

  const apply = async () => {
    if (!plan) return;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'applying', done: 0, total: plan.changes.length });
    try {
      // Order: the kept call is written before the others are deleted. runJournaledChange applies its calls in
      // batches of 100 (journal/write-values.ts), and within a batch it writes associations, then properties,
      // then deletes; a group has at most MAX_GROUP (100) calls, so it is one batch, and the kept call comes first
      // in `changes`. If HubSpot refuses the batch, the runner narrows it down by halves, first half first, so
      // the kept call (first) is still tried before any other call is deleted. One change, so one Undo.
      // What this does not guarantee: that the others are deleted only if the kept call was written (the runner
      // has no dependency between calls); the report then names the kept call as failed, and the deleted calls
      // stay in HubSpot's recycling bin for 90 days.
      const result = await runJournaledChange(
        { kind: 'duplicate-merge', summary: summaryOf(plan), changes: plan.changes },
        { signal: controller.signal, onProgress: (done, total) => setPhase({ kind: 'applying', done, total }) },
      );
      onDone({ result, plan });
    } catch (error) {
      // The journal could not be written: nothing was sent to HubSpot; the choice stays.
      setPhase({ kind: 'preview', error });
    } finally {
      abort.current = null;
      void qc.invalidateQueries({ queryKey: callKeys.all });
    }
  };

  let body: React.ReactNode;
  if (group.length > MAX_GROUP) {
    body = <Alert severity="info">This group has {group.length} calls; a group of more than {MAX_GROUP} calls (HubSpot’s batch limit) cannot be resolved here.</Alert>;
  } else if (read.isError) body = <ErrorState error={read.error} title="Could not read the group’s calls" onRetry={() => void read.refetch()} />;
  else if (!calls || !keeperId) body = <Typography>Reading the group’s calls from HubSpot…</Typography>;
  else if (!plan) body = <Typography>Only one call of this group is left in HubSpot: there is nothing to resolve. The next scan drops the group.</Typography>;
  else {
    body = (
      <Stack spacing={2}>
        {calls.length < group.length && (
          <Typography variant="body2">
            {group.length - calls.length} of the group’s {group.length} calls were deleted in HubSpot since the scan.
          </Typography>
        )}
        <KeeperChoice calls={calls} ranked={ranked} keeperId={keeperId} proposedId={proposed ?? keeperId} onChoose={setChosen} />
        <Typography variant="body2">
          Keep “{callTitle(plan.keeper)}” (call {plan.keeper.id}): the most data is the most values of title, notes, outcome, duration, recording,
          owner, status, direction and numbers, then the most associated records, then the oldest.
        </Typography>
        <MergePreview plan={plan} />
        {phase.kind === 'applying' && (
          <Box role="status">
            <Typography variant="body2">
              Applying: {phase.done} of {phase.total} calls…
            </Typography>
            <LinearProgress aria-label="Resolve progress" variant="determinate" value={phase.total ? (100 * phase.done) / phase.total : 0} />
          </Box>
        )}
        {phase.kind === 'preview' && phase.error !== undefined && <ErrorState error={phase.error} title="Nothing was changed: the journal could not be written" />}
      </Stack>
    );
  }

  return (
    <Dialog open onClose={() => !busy && onClose()} aria-labelledby="resolve-title" maxWidth="md" fullWidth>
      <DialogTitle id="resolve-title">Resolve {name}</DialogTitle>
      <DialogContent>{body}</DialogContent>
      <DialogActions>
        {busy ? (
          <Button onClick={() => abort.current?.abort()}>Stop</Button>
        ) : (
          <Button onClick={onClose} autoFocus>
            Cancel
          </Button>
        )}
        <Button variant="contained" color="error" disabled={!plan || busy} onClick={() => void apply()}>
          {plan ? `Keep 1, delete ${plan.archived.length}` : 'Resolve'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * The kept call failed but others were deleted (the runner does not hold the deletions back): say what was lost
 * where, since this console cannot restore a deleted call.
 */
function KeptCallFailed({ resolution: { result, plan } }: { resolution: Resolution }) {
  const keptFailed = result.report.failed.some((f) => f.id === plan.keeper.id);
  const deleted = plan.archived.filter((c) => result.report.succeeded.includes(c.id));
  if (!keptFailed || deleted.length === 0) return null;
  return (
    <Alert severity="error">
      The kept call (call {plan.keeper.id}) was not updated, but {deleted.length === 1 ? 'call' : 'calls'} {deleted.map((c) => c.id).join(', ')}{' '}
      {deleted.length === 1 ? 'was' : 'were'} deleted: values and records of the preview may be missing from the kept call. Restore the deleted{' '}
      {deleted.length === 1 ? 'call' : 'calls'} from HubSpot’s recycling bin (within 90 days), or copy the values by hand.
    </Alert>
  );
}

/** Resolved groups leave the queue with the next scan: started here (a refresh, only the calls changed since). */
export function RefreshScan() {
  const scan = useScan();
  const start = useStartScan();
  const running = scan.data?.status === 'running';
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2">The queue comes from the last scan: resolved groups leave it with the next scan.</Typography>
        <Button size="small" onClick={() => start.mutate('incremental')} disabled={start.isPending || running}>
          {running ? 'Scanning…' : 'Refresh the scan'}
        </Button>
      </Stack>
      {start.isError && <ErrorState error={start.error} title="Could not start the scan" />}
    </Stack>
  );
}

/** The group's Resolve button, its dialog, and once applied, "Resolved" with the report and the next scan. */
export function ResolveDuplicates({ group, name }: { group: readonly string[]; name: string }) {
  const [open, setOpen] = useState(false);
  const [resolution, setResolution] = useState<Resolution>();
  const result = resolution?.result;
  const statusRef = useRef<HTMLDivElement>(null);
  const complete = result !== undefined && result.report.failed.length === 0 && !result.report.cancelled;

  useEffect(() => {
    if (result && !open) statusRef.current?.focus();
  }, [result, open]);

  return (
    <Box sx={{ mt: 1 }}>
      {result && (
        <Stack spacing={1} ref={statusRef} tabIndex={-1} sx={{ mb: 1, outline: 'none' }}>
          <Typography role="status" sx={{ fontWeight: 600 }}>
            {`${name.charAt(0).toUpperCase()}${name.slice(1)}: ${complete ? 'Resolved.' : 'not fully resolved.'}`}
          </Typography>
          <ChangeReport result={result} />
          {resolution && <KeptCallFailed resolution={resolution} />}
          <RefreshScan />
        </Stack>
      )}
      {!complete && (
        <Button variant="outlined" size="small" onClick={() => setOpen(true)}>
          {result ? `Resolve ${name} again…` : `Resolve ${name}…`}
        </Button>
      )}
      {open && (
        <ResolveDialog
          group={group}
          name={name}
          onClose={() => setOpen(false)}
          onDone={(r) => {
            setResolution(r);
            setOpen(false);
          }}
        />
      )}
    </Box>
  );
}
