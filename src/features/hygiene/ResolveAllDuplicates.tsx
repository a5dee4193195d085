/**
 * "Resolve all groups with the proposed keeper": every group of the duplicates queue read from HubSpot now, each
 * resolved keeping its call with the most data (duplicate-merge.ts), after a preview of the counts. Applied as
 * journaled changes of at most 100 calls each, whole groups only (packChanges), one after the other: each is one
 * HubSpot batch, so in each the kept calls are written before any call is deleted (as for one group, see
 * ResolveDuplicates), and each is one journal entry with its own Undo.
 */
import { useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
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
import { packChanges, planMerge, proposedKeeper, type MergePlan } from './duplicate-merge';
import { duplicateQueries, MAX_GROUP } from './duplicate-reads';
import { RECYCLING_BIN } from './MergePreview';
import { RefreshScan } from './ResolveDuplicates';

type Phase = { kind: 'preview'; error?: unknown } | { kind: 'applying'; done: number; total: number };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function ResolveAllDialog({ groups, onClose, onDone }: { groups: readonly (readonly string[])[]; onClose: () => void; onDone: (r: ChangeResult[]) => void }) {
  const qc = useQueryClient();
  const resolvable = useMemo(() => groups.filter((g) => g.length <= MAX_GROUP), [groups]);
  const read = useQuery(duplicateQueries.groups(resolvable));
  const [phase, setPhase] = useState<Phase>({ kind: 'preview' });
  const abort = useRef<AbortController | null>(null);
  const plans = useMemo(
    () => (read.data ?? []).filter((calls) => calls.length > 1).map((calls): MergePlan => planMerge(calls, proposedKeeper(calls) ?? '')),
    [read.data],
  );
  const runs = useMemo(() => packChanges(plans, MAX_GROUP), [plans]);
  const deleted = plans.reduce((n, p) => n + p.archived.length, 0);
  const copied = plans.reduce((n, p) => n + p.copied.length, 0);
  const added = plans.reduce((n, p) => n + Object.values(p.added).reduce((m, ids) => m + ids.length, 0), 0);
  const total = runs.reduce((n, r) => n + r.length, 0);
  const busy = phase.kind === 'applying';

  const apply = async () => {
    const controller = new AbortController();
    abort.current = controller;
    const results: ChangeResult[] = [];
    let before = 0;
    setPhase({ kind: 'applying', done: 0, total });
    try {
      for (const [i, run] of runs.entries()) {
        if (controller.signal.aborted) break;
        const summary = `Duplicates resolved with the proposed keeper (most data): ${plural(run.filter((c) => c.after.archived === 'true').length, 'call', 'calls')} deleted${runs.length > 1 ? ` (part ${i + 1} of ${runs.length})` : ''}`;
        const result = await runJournaledChange(
          { kind: 'duplicate-merge', summary, changes: run },
          { signal: controller.signal, onProgress: (done) => setPhase({ kind: 'applying', done: before + done, total }) },
        );
        results.push(result);
        before += run.length;
      }
      onDone(results);
    } catch (error) {
      // A journal entry could not be written: that part and the ones after it were not sent to HubSpot.
      if (results.length > 0) onDone(results);
      else setPhase({ kind: 'preview', error });
    } finally {
      abort.current = null;
      void qc.invalidateQueries({ queryKey: callKeys.all });
    }
  };

  let body: React.ReactNode;
  if (read.isError) body = <ErrorState error={read.error} title="Could not read the groups’ calls" onRetry={() => void read.refetch()} />;
  else if (!read.data) body = <Typography>Reading every group’s calls from HubSpot…</Typography>;
  else if (plans.length === 0) body = <Typography>No group has two calls left in HubSpot: there is nothing to resolve.</Typography>;
  else {
    body = (
      <Stack spacing={1.5}>
        <Typography>
          {plural(plans.length, 'group', 'groups')}: in each, the call with the most data is kept (the most values of title, notes, outcome, duration,
          recording, owner, status, direction and numbers, then the most associated records, then the oldest) and gets the values it lacks from the
          others ({plural(copied, 'value', 'values')} in all) and their records ({plural(added, 'record', 'records')}).
        </Typography>
        <Typography sx={{ fontWeight: 600 }}>{plural(deleted, 'call', 'calls')} will be deleted.</Typography>
        <Typography variant="body2">{RECYCLING_BIN}</Typography>
        {groups.length > resolvable.length && (
          <Typography variant="body2">
            {plural(groups.length - resolvable.length, 'group has', 'groups have')} more than {MAX_GROUP} calls and {groups.length - resolvable.length === 1 ? 'is' : 'are'}{' '}
            left out.
          </Typography>
        )}
        <Typography variant="body2">To keep another call of a group, close this and use that group’s Resolve….</Typography>
        {phase.kind === 'applying' && (
          <Box role="status">
            <Typography variant="body2">
              Applying: {phase.done.toLocaleString('en-US')} of {phase.total.toLocaleString('en-US')} calls…
            </Typography>
            <LinearProgress aria-label="Resolve progress" variant="determinate" value={phase.total ? (100 * phase.done) / phase.total : 0} />
          </Box>
        )}
        {phase.kind === 'preview' && phase.error !== undefined && <ErrorState error={phase.error} title="Nothing was changed: the journal could not be written" />}
      </Stack>
    );
  }

  return (
    <Dialog open onClose={() => !busy && onClose()} aria-labelledby="resolve-all-title" maxWidth="sm" fullWidth>
      <DialogTitle id="resolve-all-title">Resolve all groups with the proposed keeper</DialogTitle>
      <DialogContent>{body}</DialogContent>
      <DialogActions>
        {busy ? (
          <Button onClick={() => abort.current?.abort()}>Stop</Button>
        ) : (
          <Button onClick={onClose} autoFocus>
            Cancel
          </Button>
        )}
        <Button variant="contained" color="error" disabled={plans.length === 0 || busy} onClick={() => void apply()}>
          {plans.length ? `Resolve ${plural(plans.length, 'group', 'groups')}, delete ${plural(deleted, 'call', 'calls')}` : 'Resolve'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function ResolveAllDuplicates({ groups }: { groups: readonly (readonly string[])[] }) {
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<ChangeResult[]>();
  if (groups.length === 0) return null;
  return (
    <Box>
      {results ? (
        <Stack spacing={1}>
          <Typography role="status" sx={{ fontWeight: 600 }}>
            All groups resolved with the proposed keeper{results.length > 1 ? ` (${results.length} journal entries)` : ''}:
          </Typography>
          {results.map((r) => (
            <ChangeReport key={r.entry.id} result={r} />
          ))}
          <RefreshScan />
        </Stack>
      ) : (
        <Button variant="outlined" onClick={() => setOpen(true)}>
          Resolve all groups with the proposed keeper…
        </Button>
      )}
      {open && (
        <ResolveAllDialog
          groups={groups}
          onClose={() => setOpen(false)}
          onDone={(r) => {
            setResults(r);
            setOpen(false);
          }}
        />
      )}
    </Box>
  );
}
