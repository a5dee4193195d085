/**
 * "Set outcome by rule": the user builds conditions (status, direction, current outcome, dates, owner) and picks
 * one of the account's active outcomes; the dry run says how many calls change and from what; applying reads the
 * matching calls again (and says so if they changed), then writes through the journal in HubSpot's batches.
 * The form is kept whatever fails.
 */
import { useId, useRef, useState } from 'react';
import { callCount } from '../../lib/counts';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { metadataQueries } from '../../api/metadata-queries';
import { ErrorState } from '../../components/ErrorState';
import { userTimeZone } from '../../lib/timezone';
import { dryRun, dryRunText, emptyRule, OUTCOME_PROPERTY, outcomeName, ruleFilterGroups, sameCalls, validateRule, type DryRun, type OutcomeCondition, type RuleErrors, type RuleForm } from './outcome-rule';
import { ReadingProgress } from './ReadingProgress';
import { RuleFields } from './RuleFields';
import { ApplyStatus, useJournaledApply } from './useJournaledApply';

type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; fetched: number; total?: number; why: 'dry-run' | 'apply' }
  | { kind: 'ready'; key: string; dry: DryRun; changedFrom?: number }
  | { kind: 'error'; error: unknown };

export function OutcomeRule({ preset }: { preset?: Exclude<OutcomeCondition, 'any' | 'chosen'> }) {
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<RuleForm>(() => emptyRule(preset));
  const [errors, setErrors] = useState<RuleErrors>({});
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [timeZone] = useState(userTimeZone);
  const abort = useRef<AbortController | null>(null);
  const dispositions = useQuery(metadataQueries.dispositions());
  const run = useJournaledApply();

  const all = dispositions.data ?? [];
  const activeIds = all.filter((d) => !d.archived).map((d) => d.id);
  const key = JSON.stringify(form);
  const ready = step.kind === 'ready' && step.key === key ? step : undefined;

  const change = (patch: Partial<RuleForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    const fields = Object.keys(patch);
    setErrors((e) => {
      const next = { ...e };
      delete next.conditions;
      if (fields.includes('outcomes') || fields.includes('outcome') || fields.includes('target')) delete next.outcomes;
      for (const f of ['from', 'to', 'target'] as const) if (fields.includes(f)) delete next[f];
      if (fields.includes('from')) delete next.to;
      return next;
    });
  };

  const read = async (why: 'dry-run' | 'apply'): Promise<DryRun | undefined> => {
    const problems = validateRule(form);
    setErrors(problems);
    if (Object.keys(problems).length) return undefined;
    abort.current?.abort();
    const ac = new AbortController();
    abort.current = ac;
    setStep({ kind: 'reading', fetched: 0, why });
    try {
      return await dryRun(ruleFilterGroups(form, activeIds, timeZone), form.target, {
        signal: ac.signal,
        onProgress: (p) => setStep({ kind: 'reading', fetched: p.fetched, why, ...(p.total === undefined ? {} : { total: p.total }) }),
      });
    } catch (error) {
      if (!ac.signal.aborted) setStep({ kind: 'error', error });
      return undefined;
    }
  };

  const runDry = async () => {
    run.reset();
    const dry = await read('dry-run');
    if (dry) setStep({ kind: 'ready', key, dry });
  };

  const apply = async (counted: DryRun) => {
    const dry = await read('apply');
    if (!dry) return;
    if (!sameCalls(counted, dry)) {
      setStep({ kind: 'ready', key, dry, changedFrom: counted.calls.length });
      return;
    }
    setStep({ kind: 'ready', key, dry });
    // The dry run read each call's outcome by id just now: that is what the journal records as before.
    const changes = dry.calls.map((c) => ({ callId: c.callId, before: { [OUTCOME_PROPERTY]: c.from }, after: { [OUTCOME_PROPERTY]: form.target } }));
    const to = outcomeName(form.target, all);
    await run.apply({ kind: 'outcome', summary: `Outcome → ${to} on ${callCount(changes.length)} (outcome rule)`, changes });
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h6" component="h2" id={headingId}>
          Set outcome by rule
        </Typography>
        <Button onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? 'Hide the rule' : 'Build a rule'}
        </Button>
      </Stack>
      {open && (
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            Set one outcome on every call matching the conditions. A dry run shows what changes before anything is written.
          </Typography>
          <RuleFields form={form} errors={errors} dispositions={all} disabled={run.busy || step.kind === 'reading'} onChange={change} />
          <Box>
            <Button variant="outlined" onClick={() => void runDry()} disabled={run.busy || step.kind === 'reading'}>
              Dry run
            </Button>
          </Box>
          {step.kind === 'reading' && (
            <ReadingProgress
              label="Reading the matching calls"
              text={step.why === 'apply' ? 'Reading the matching calls again…' : 'Reading the matching calls…'}
              fetched={step.fetched}
              total={step.total}
              onCancel={() => {
                abort.current?.abort();
                setStep({ kind: 'idle' });
              }}
            />
          )}
          {step.kind === 'error' && <ErrorState error={step.error} title="Could not read the matching calls" />}
          {ready && (
            <Box>
              {ready.changedFrom !== undefined && (
                <Alert severity="warning" sx={{ mb: 1 }}>
                  The matching calls changed since the dry run ({callCount(ready.changedFrom)} then, {callCount(ready.dry.calls.length)} now). Check the new figures and apply again.
                </Alert>
              )}
              <Typography role="status">{dryRunText(ready.dry, form.target, all)}</Typography>
              {ready.dry.calls.length > 0 && run.state.kind !== 'done' && (
                <Button variant="contained" sx={{ mt: 1 }} disabled={run.busy} onClick={() => void apply(ready.dry)}>
                  Apply to {callCount(ready.dry.calls.length)}
                </Button>
              )}
            </Box>
          )}
          {step.kind === 'ready' && !ready && <Alert severity="info">The rule changed since the dry run: run it again.</Alert>}
          <ApplyStatus state={run.state} onCancel={run.cancel} />
        </Stack>
      )}
    </Paper>
  );
}
