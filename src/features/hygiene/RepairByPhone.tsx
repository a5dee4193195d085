/**
 * "Repair by phone number" on the queues of calls on no record (3) and on a placeholder contact (4): each call's
 * counterpart number, normalised, and the contacts and companies with that number, with why they match. One
 * call at a time from the keyboard (J/K or arrows: next/previous, 1–9: pick a match, Enter: confirm, S: skip),
 * or every call with a single match at once (RepairAllDialog). Each repair is a journaled change (kind
 * 'associations'), so it can be undone from its journal entry.
 */
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { describeError } from '../../lib/describeError';
import { appPaths, Link as RouterLink } from '../../lib/router';
import { ChangeReport, runJournaledChange, type ChangeResult } from '../journal';
import type { QueueId } from './hygiene-api';
import { matchReason, repairChange, type CallRepair, type Candidate } from './repair';
import { RepairAllDialog } from './RepairAllDialog';
import { RepairCallList, statusText, type RepairOutcome } from './RepairCallList';
import { repairQueries } from './repair-lookup';

/** The queue's lists and counts are read again; a scan queue's count changes with the next scan. */
function useAfterRepair() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['hygiene', 'queues'] });
    void qc.invalidateQueries({ queryKey: ['calls'] });
  };
}

export function RepairByPhone({ queue, callIds }: { queue: QueueId; callIds: readonly string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="repair-by-phone" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" id="repair-by-phone">
        Repair by phone number
      </Typography>
      {open ? (
        <RepairFlow queue={queue} callIds={callIds} />
      ) : (
        <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Typography color="text.secondary">
            Finds the contacts and companies whose phone number is the number each call was with, and ties the call to the one you confirm
            {queue === 'placeholder-contact' ? ' in place of its placeholder contact' : ''}.
          </Typography>
          <Button variant="contained" onClick={() => setOpen(true)} disabled={callIds.length === 0}>
            Find matches for {callIds.length} {callIds.length === 1 ? 'call' : 'calls'}
          </Button>
        </Stack>
      )}
    </Paper>
  );
}

function RepairFlow({ queue, callIds }: { queue: QueueId; callIds: readonly string[] }) {
  const plan = useQuery(repairQueries.plan(queue, callIds));
  if (plan.isError) {
    return (
      <Alert severity="error" action={<Button onClick={() => void plan.refetch()}>Retry</Button>}>
        Could not look the numbers up in HubSpot: {describeError(plan.error).message}
      </Alert>
    );
  }
  if (!plan.data) return <Typography role="status">Looking the calls’ numbers up in HubSpot…</Typography>;
  return <Reviewer repairs={plan.data} />;
}

function Reviewer({ repairs }: { repairs: CallRepair[] }) {
  const [index, setIndex] = useState(0);
  const [picked, setPicked] = useState<Record<string, number>>({});
  const [outcomes, setOutcomes] = useState<Record<string, RepairOutcome>>({});
  /** The calls the bulk repair previewed (fixed while its dialog is open). */
  const [bulk, setBulk] = useState<CallRepair[] | null>(null);
  /** The report of the last call repaired one at a time. */
  const [last, setLast] = useState<{ title: string; result: ChangeResult } | null>(null);
  const region = useRef<HTMLDivElement>(null);
  const afterRepair = useAfterRepair();
  const current = repairs[index];
  const selected = current ? (picked[current.callId] ?? 0) : 0;

  useEffect(() => region.current?.focus(), []);

  const repairOne = useMutation({
    meta: { errorTitle: false },
    mutationFn: async ({ repair, candidate }: { repair: CallRepair; candidate: Candidate }) => {
      const summary = `Repair by phone number: “${repair.title}” → ${candidate.type === 'contacts' ? 'contact' : 'company'} ${candidate.name}`;
      return runJournaledChange({ kind: 'associations', summary, changes: [repairChange(repair, candidate)] });
    },
    onSuccess: (result, { repair, candidate }) => {
      const { entry, report } = result;
      setLast({ title: repair.title, result });
      const failed = report.failed.find((f) => f.id === repair.callId);
      setOutcomes((o) => ({ ...o, [repair.callId]: failed ? { kind: 'failed', reason: failed.reason, entryId: entry.id } : { kind: 'repaired', candidate, entryId: entry.id } }));
      if (!failed) setIndex((i) => Math.min(repairs.length - 1, i + 1));
      afterRepair();
      region.current?.focus();
    },
    onError: (error, { repair }) => setOutcomes((o) => ({ ...o, [repair.callId]: { kind: 'failed', reason: describeError(error).message } })),
  });

  const move = (by: number) => setIndex((i) => Math.max(0, Math.min(repairs.length - 1, i + by)));
  const pick = (n: number) => current && n < current.candidates.length && setPicked((p) => ({ ...p, [current.callId]: n }));
  const confirm = () => {
    const candidate = current?.candidates[selected];
    if (!current || !candidate || repairOne.isPending || outcomes[current.callId]?.kind === 'repaired') return;
    repairOne.mutate({ repair: current, candidate });
  };
  const skip = () => {
    if (!current) return;
    setOutcomes((o) => (o[current.callId] ? o : { ...o, [current.callId]: { kind: 'skipped' } }));
    move(1);
  };
  /** A button of the reviewer acts, then the keys work again (focus back on the call). */
  const thenKeys = (action: () => void) => () => {
    action();
    region.current?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const actions: Record<string, () => void> = { j: () => move(1), ArrowDown: () => move(1), ArrowRight: () => move(1), k: () => move(-1), ArrowUp: () => move(-1), ArrowLeft: () => move(-1), Enter: confirm, s: skip };
    const action = /^[1-9]$/.test(key) ? () => pick(Number(key) - 1) : actions[key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const unambiguous = repairs.filter((r) => r.status === 'single' && outcomes[r.callId]?.kind !== 'repaired');
  const outcome = current ? outcomes[current.callId] : undefined;
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography>
          {counts(repairs)}
        </Typography>
        <Button variant="outlined" onClick={() => setBulk(unambiguous)} disabled={unambiguous.length === 0}>
          Repair all {unambiguous.length} {unambiguous.length === 1 ? 'call' : 'calls'} with a single unambiguous match
        </Button>
      </Stack>
      {last && (
        <Box component="section" aria-label="Last repair">
          <Typography variant="subtitle2">Last repair: {last.title}</Typography>
          <ChangeReport result={last.result} />
        </Box>
      )}
      {current && (
        <Box
          ref={region}
          tabIndex={0}
          role="group"
          aria-label={`Call ${index + 1} of ${repairs.length}`}
          aria-describedby="repair-keys"
          onKeyDown={onKeyDown}
          sx={{ p: 2, border: 1, borderColor: 'divider', borderRadius: 1, '&:focus-visible': { outline: 2, outlineColor: 'primary.main' } }}
        >
          <Typography variant="subtitle2" color="text.secondary">
            Call {index + 1} of {repairs.length}
          </Typography>
          <Typography variant="subtitle1" component="h3">
            {current.title}
          </Typography>
          <Typography>
            {current.direction === 'INBOUND' ? 'Inbound, from ' : 'Outbound, to '}
            {current.raw ?? 'no number'}
            {current.number ? ` → ${current.number.e164}` : ''}
          </Typography>
          {current.candidates.length === 0 ? (
            <Typography sx={{ mt: 1 }}>{statusText(current)}</Typography>
          ) : (
            <Box component="ol" role="radiogroup" aria-label="Matches" sx={{ pl: 3, my: 1 }}>
              {current.candidates.map((c, i) => (
                <Box component="li" key={`${c.type}:${c.id}`} sx={{ py: 0.25 }}>
                  <label>
                    <input type="radio" name={`match-${current.callId}`} checked={selected === i} onChange={() => pick(i)} /> {current.number && matchReason(current.number, c)}
                  </label>
                </Box>
              ))}
            </Box>
          )}
          {outcome && <OutcomeLine outcome={outcome} />}
          <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
            <Button onClick={thenKeys(() => move(-1))} disabled={index === 0}>
              Previous
            </Button>
            <Button onClick={thenKeys(() => move(1))} disabled={index === repairs.length - 1}>
              Next
            </Button>
            <Button onClick={thenKeys(skip)}>Skip</Button>
            <Button variant="contained" onClick={confirm} disabled={current.candidates.length === 0 || repairOne.isPending || outcome?.kind === 'repaired'}>
              {repairOne.isPending ? 'Repairing…' : 'Confirm match'}
            </Button>
          </Stack>
          <Typography id="repair-keys" variant="caption" color="text.secondary">
            Keys: J or ↓ next, K or ↑ previous, 1–9 pick a match, Enter confirm, S skip.
          </Typography>
        </Box>
      )}
      <RepairCallList repairs={repairs} outcomes={outcomes} index={index} onSelect={(i) => thenKeys(() => setIndex(i))()} />
      <Typography variant="body2" color="text.secondary">
        A repaired call stays in this queue until the next scan; its count changes then.
      </Typography>
      {bulk && (
        <RepairAllDialog
          repairs={bulk}
          onClose={() => {
            setBulk(null);
            region.current?.focus();
          }}
          onDone={(done) => {
            setOutcomes((o) => ({ ...o, ...done }));
            afterRepair();
          }}
        />
      )}
    </Stack>
  );
}

function OutcomeLine({ outcome }: { outcome: RepairOutcome }) {
  switch (outcome.kind) {
    case 'repaired':
      return (
        <Alert severity="success" sx={{ mt: 1 }}>
          Repaired: the call is now on {outcome.candidate.type === 'contacts' ? 'contact' : 'company'} {outcome.candidate.name}.{' '}
          <Link component={RouterLink} to={appPaths.journalEntry(outcome.entryId)}>
            Open in the journal to undo
          </Link>
        </Alert>
      );
    case 'failed':
      return (
        <Alert severity="error" sx={{ mt: 1 }}>
          Not repaired: {outcome.reason}
        </Alert>
      );
    case 'skipped':
      return <Typography sx={{ mt: 1 }}>Skipped.</Typography>;
  }
}

function counts(repairs: readonly CallRepair[]): string {
  const by = (s: CallRepair['status']) => repairs.filter((r) => r.status === s).length;
  const parts = [
    `${by('single')} with a single match`,
    `${by('several')} with several`,
    `${by('no-match')} with no match`,
    `${by('no-number') + by('invalid-number')} without a valid number`,
  ];
  return `${repairs.length} ${repairs.length === 1 ? 'call' : 'calls'}: ${parts.join(', ')}.`;
}
