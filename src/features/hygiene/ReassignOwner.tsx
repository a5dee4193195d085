/**
 * Queue 5's fix: give the selected calls, or every call matching the queue, an active owner. Preview (each call's
 * current owner read by id, grouped) → apply through the journal (progress, stop) → per-call report.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { callCount } from '../../lib/counts';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { metadataQueries, ownerName } from '../../api/metadata-queries';
import { ErrorState } from '../../components/ErrorState';
import { fetchMatchingIds, type CallListParams } from '../calls';
import { leftOutText, OWNER_PROPERTY, ownerLabel, planReassign, previewText, type ReassignPlan } from './owner-reassign';
import { ReadingProgress } from './ReadingProgress';
import { readCallValues } from './read-calls';
import { ApplyStatus, useJournaledApply } from './useJournaledApply';

type Scope = 'selected' | 'all';
type Step = { kind: 'idle' } | { kind: 'reading'; fetched: number; total?: number } | { kind: 'preview'; key: string; plan: ReassignPlan } | { kind: 'error'; error: unknown };

/** `view`: the calls the queue's grid shows now (the queue's rule, filters and search), for "every call in this view". */
export function ReassignOwner({ view, selected }: { view: CallListParams; selected: ReadonlySet<string> }) {
  const headingId = useId();
  const active = useQuery(metadataQueries.owners());
  const deactivated = useQuery(metadataQueries.deactivatedOwners());
  const [chosenScope, setScope] = useState<Scope>('selected');
  const scope: Scope = selected.size ? chosenScope : 'all';
  const [targetId, setTargetId] = useState('');
  const [targetError, setTargetError] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const run = useJournaledApply();

  const owners = useMemo(() => [...(active.data ?? [])].sort((a, b) => ownerName(a).localeCompare(ownerName(b))), [active.data]);
  const labelOf = (id: string) => ownerLabel(id, active.data ?? [], deactivated.data ?? []);
  // A preview is for the calls and owner it was made for; changing either asks for a new one.
  const key = JSON.stringify([scope, targetId, scope === 'selected' ? [...selected].sort() : view]);
  const plan = step.kind === 'preview' && step.key === key ? step.plan : undefined;

  const preview = async () => {
    if (!targetId) {
      setTargetError('Choose the owner these calls go to.');
      return;
    }
    abort.current?.abort();
    const ac = new AbortController();
    abort.current = ac;
    run.reset();
    setStep({ kind: 'reading', fetched: 0 });
    try {
      const ids =
        scope === 'selected'
          ? [...selected]
          : (await fetchMatchingIds({ ...view, pageSize: 200 }, (p) => setStep({ kind: 'reading', fetched: p.fetched, ...(p.total === undefined ? {} : { total: p.total }) }), ac.signal)).ids;
      const current = await readCallValues(ids, OWNER_PROPERTY, ac.signal);
      setStep({ kind: 'preview', key, plan: planReassign(ids, current, targetId) });
    } catch (error) {
      if (!ac.signal.aborted) setStep({ kind: 'error', error });
    }
  };

  const apply = (p: ReassignPlan) => {
    const text = previewText(p, labelOf);
    void run.apply({ kind: 'owner', summary: text.length > 500 ? `Owner → ${labelOf(p.targetId)} on ${callCount(p.changes.length)}` : text, changes: p.changes });
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" id={headingId}>
        Reassign owner
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        Give these calls an active owner. Only active owners are offered; deactivated users stay on no call you reassign.
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' }, mt: 1 }}>
        <FormControl disabled={run.busy}>
          <FormLabel id={`${headingId}-scope`}>Calls</FormLabel>
          <RadioGroup aria-labelledby={`${headingId}-scope`} value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
            <FormControlLabel value="selected" control={<Radio />} label={`The selected calls (${selected.size.toLocaleString('en-US')})`} disabled={selected.size === 0 || run.busy} />
            <FormControlLabel value="all" control={<Radio />} label="Every call in this view (the queue with its filters and search)" />
          </RadioGroup>
        </FormControl>
        <TextField
          select
          label="New owner"
          value={targetId}
          disabled={run.busy}
          onChange={(e) => {
            setTargetId(e.target.value);
            setTargetError('');
          }}
          error={!!targetError || active.isError}
          helperText={targetError || (active.isError ? 'Could not read the owners: try again later.' : 'Active owners only.')}
          sx={{ minWidth: 260 }}
        >
          {owners.map((o) => (
            <MenuItem key={o.id} value={o.id}>
              {ownerName(o)}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ pt: 1 }}>
          <Button variant="outlined" onClick={() => void preview()} disabled={run.busy || step.kind === 'reading'}>
            Preview
          </Button>
        </Box>
      </Stack>
      <Stack spacing={1.5} sx={{ mt: 2 }}>
        {step.kind === 'reading' && (
          <ReadingProgress
            label="Reading the calls"
            text="Reading the calls’ owners…"
            fetched={step.fetched}
            total={step.total}
            onCancel={() => {
              abort.current?.abort();
              setStep({ kind: 'idle' });
            }}
          />
        )}
        {step.kind === 'error' && <ErrorState error={step.error} title="Could not read the calls" onRetry={() => void preview()} />}
        {plan && (
          <Box>
            {plan.changes.length ? (
              <Typography role="status">{previewText(plan, labelOf)}</Typography>
            ) : (
              <Typography role="status">No call to reassign.</Typography>
            )}
            {leftOutText(plan, labelOf) && (
              <Typography variant="body2" color="text.secondary">
                {leftOutText(plan, labelOf)}
              </Typography>
            )}
            {plan.changes.length > 0 && run.state.kind !== 'done' && (
              <Button variant="contained" sx={{ mt: 1 }} disabled={run.busy} onClick={() => apply(plan)}>
                Reassign {callCount(plan.changes.length)}
              </Button>
            )}
          </Box>
        )}
        {step.kind === 'preview' && !plan && <Alert severity="info">The calls or the owner changed since the preview: preview again.</Alert>}
        <ApplyStatus state={run.state} onCancel={run.cancel} />
      </Stack>
    </Paper>
  );
}
