/**
 * The "Missed calls with no call back" queue's calls in the call list's grid (its filters, search and triage), with
 * two actions on the calls selected in it:
 *  - **Call back** (one call): a `tel:` link to the caller's number in E.164 (inbound: the from-number; outbound: the
 *    to-number); it opens the phone app and logs nothing by itself. A call without a valid number says so.
 *  - **Mark handled**: records the mark in our server's journal (HubSpot has no field for it); the call leaves
 *    the queue's list and count once they are read again. Each mark made here is confirmed above the grid with
 *    **Undo**, which removes the mark (the call comes back). Failures show beside the button that failed.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { HubSpotObject } from '../../api/schemas';
import { describeError } from '../../lib/describeError';
import { markHandled, unmarkHandled } from './handled-api';
import { callCount } from '../../lib/counts';
import { FilteredCallGrid, idRule } from '../calls';
import { hygieneQueries, refreshQueues } from './hygiene-queries';

type Properties = HubSpotObject['properties'];

interface Marked {
  id: string;
  title: string;
}

const titleOf = (p: Properties) => p.hs_call_title?.trim() || '(untitled call)';

/** The other party's number in E.164 and as people read it, or null when the call has no valid number. */
function counterpart(p: Properties): { e164: string; shown: string } | null {
  const raw = (p.hs_call_direction === 'OUTBOUND' ? p.hs_call_to_number : p.hs_call_from_number)?.trim();
  const parsed = raw ? parsePhoneNumberFromString(raw) : undefined;
  return parsed?.isValid() ? { e164: parsed.number, shown: parsed.formatInternational() } : null;
}

/**
 * The actions on the calls selected in the grid: Call back (one call), Mark handled (each selected call, in turn;
 * a failure is said beside the button and leaves the rest unmarked).
 */
function SelectionActions({ ids, onMarked }: { ids: readonly string[]; onMarked: (m: Marked) => void }) {
  const qc = useQueryClient();
  const calls = useQuery({ ...hygieneQueries.callsById(ids), enabled: ids.length > 0 });
  const only = ids.length === 1 ? calls.data?.get(ids[0] ?? '') : undefined;
  const number = only ? counterpart(only.properties) : null;
  const mark = useMutation({
    meta: { errorTitle: false },
    mutationFn: async () => {
      for (const id of ids) {
        await markHandled(id);
        onMarked({ id, title: titleOf(calls.data?.get(id)?.properties ?? {}) });
      }
    },
    // Pending until the queue is read again, so the rows go when they are gone from the queue.
    onSettled: () => refreshQueues(qc),
  });
  const errorId = 'mark-error';
  if (ids.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        Select calls in the list to call back or mark them handled.
      </Typography>
    );
  }
  const which = ids.length === 1 ? `“${titleOf(only?.properties ?? {})}”` : callCount(ids.length);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} role="group" aria-label="Selected calls">
      {ids.length > 1 ? (
        <Typography variant="body2" color="text.secondary">
          Select one call to call back.
        </Typography>
      ) : number ? (
        <Button variant="outlined" size="small" href={`tel:${number.e164}`} aria-label={`Call back ${number.shown}`}>
          Call back {number.shown}
        </Button>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {only ? 'This call has no valid number to call back.' : 'Reading the call…'}
        </Typography>
      )}
      <Button
        size="small"
        variant="contained"
        onClick={() => mark.mutate()}
        disabled={mark.isPending || !calls.data}
        aria-label={`Mark handled: ${ids.length === 1 ? titleOf(only?.properties ?? {}) : callCount(ids.length)}`}
        aria-describedby={mark.isError ? errorId : undefined}
      >
        Mark {which} handled
      </Button>
      {mark.isPending && (
        <Typography variant="body2" color="text.secondary" role="status">
          Marking…
        </Typography>
      )}
      {mark.isError && (
        <Typography id={errorId} role="alert" variant="body2" color="error">
          Not marked: {describeError(mark.error).text}
        </Typography>
      )}
    </Stack>
  );
}

function MarkedNotice({ marked, focus, onUndone, onDismiss }: { marked: Marked; focus: boolean; onUndone: () => void; onDismiss: () => void }) {
  const qc = useQueryClient();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const undo = useMutation({
    meta: { errorTitle: false },
    mutationFn: () => unmarkHandled(marked.id),
    onSuccess: async () => {
      await refreshQueues(qc);
      onUndone();
    },
  });
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role="status"
      severity={undo.isError ? 'error' : 'success'}
      onClose={onDismiss}
      slotProps={{ closeButton: { 'aria-label': `Dismiss: ${marked.title}` } }}
      action={
        <Button color="inherit" size="small" onClick={() => undo.mutate()} disabled={undo.isPending} aria-label={`Undo: ${marked.title} marked handled`}>
          Undo
        </Button>
      }
    >
      Marked “{marked.title}” handled.
      {undo.isError && (
        <Typography component="span" role="alert" variant="body2" sx={{ display: 'block' }}>
          Not undone: {describeError(undo.error).text}
        </Typography>
      )}
    </Alert>
  );
}

export function MissedCalls({ callIds }: { callIds: readonly string[] }) {
  // The marks made on this page, newest first, each with its Undo.
  const [marked, setMarked] = useState<Marked[]>([]);
  const drop = (id: string) => setMarked((all) => all.filter((m) => m.id !== id));
  const [selection, setSelection] = useState<ReadonlySet<string>>(() => new Set());
  // Marked calls leave the queue; a selection only acts on calls still in it.
  const selected = useMemo(() => callIds.filter((id) => selection.has(id)), [callIds, selection]);
  return (
    <Stack spacing={1.5}>
      {marked.length > 0 && (
        <Stack spacing={1} component="section" aria-label="Marked handled">
          {marked.map((m, i) => (
            <MarkedNotice key={m.id} marked={m} focus={i === 0} onUndone={() => drop(m.id)} onDismiss={() => drop(m.id)} />
          ))}
        </Stack>
      )}
      <SelectionActions ids={selected} onMarked={(m) => setMarked((all) => [m, ...all.filter((x) => x.id !== m.id)])} />
      <FilteredCallGrid groups={idRule(callIds)} onSelectionChange={setSelection} />
    </Stack>
  );
}
