/**
 * The list's time range: two browser date fields (typing, and their calendar pickers). What the user types
 * stays in the field until it is a whole, valid day; only then does it reach the URL (as it is typed, or on
 * blur or Enter). A year typed digit by digit passes through 0002, 0020 and 0202 on its way to 2026, and none
 * of those may become the filter. Half-typed or impossible input, and a range that runs backwards, are errors
 * on the field and change nothing.
 */
import { useState, type KeyboardEvent } from 'react';
import TextField from '@mui/material/TextField';
import { isFullDay, isReversedRange } from './list-state';

type End = 'from' | 'to';
const ENDS: readonly End[] = ['from', 'to'];
const LABEL: Record<End, string> = { from: 'From', to: 'To' };
const REVERSED: Record<End, string> = { from: 'From must not be after To', to: 'To must not be before From' };
const INCOMPLETE = 'Enter a whole date (month, day and a year from 1900 on)';

/** What the user typed in one field, not (yet) in the URL. */
interface Draft {
  /** The field's value: a date, or '' when empty or half-typed. */
  text: string;
  /** Some but not all segments typed (the browser then reports '' and `validity.badInput`). */
  partial: boolean;
  /** The user left the field or pressed Enter: an incomplete date is now an error. */
  done: boolean;
}
type Drafts = Partial<Record<End, Draft>>;
type Bounds = Partial<Record<End, string>>;

/** The bound a draft stands for: a day, `undefined` for an emptied field, `null` while it is not a whole date. */
function boundOf(d: Draft): string | undefined | null {
  if (d.text === '') return d.partial ? null : undefined;
  return isFullDay(d.text) ? d.text : null;
}

function readDraft(input: HTMLInputElement, done: boolean): Draft {
  return { text: input.value, partial: input.value === '' && input.validity.badInput, done };
}

export interface DateRangeFilterProps {
  /** The committed bounds (from the URL): days `YYYY-MM-DD` or ISO date-times. */
  from: string | undefined;
  to: string | undefined;
  /** Commits bounds (`undefined` removes one). */
  onChange: (patch: Bounds) => void;
}

export function DateRangeFilter({ from, to, onChange }: DateRangeFilterProps) {
  const committed: Bounds = { from, to };
  const [drafts, setDrafts] = useState<Drafts>({});
  const [focused, setFocused] = useState<End | null>(null);
  // Remounts a field after an outside change, so the browser also drops its half-typed segments.
  const [generation, setGeneration] = useState<Record<End, number>>({ from: 0, to: 0 });
  const [seen, setSeen] = useState<Bounds>(committed);
  if (seen.from !== from || seen.to !== to) {
    setSeen(committed);
    const stale = ENDS.filter((e) => seen[e] !== committed[e] && e !== focused && drafts[e]);
    // The URL changed (a chip removed, back/forward): a field shows it, unless the user is typing there (the
    // URL may only be catching up with an earlier keystroke).
    if (stale.length) {
      setDrafts((d) => Object.fromEntries(ENDS.filter((e) => !stale.includes(e) && d[e]).map((e) => [e, d[e]])));
      setGeneration((g) => ({ from: g.from + (stale.includes('from') ? 1 : 0), to: g.to + (stale.includes('to') ? 1 : 0) }));
    }
  }

  /** The range the fields would make: a field's whole date or emptiness, else what the URL has. */
  const effective = (d: Drafts): Bounds => {
    const pick = (e: End) => {
      const draft = d[e];
      const bound = draft ? boundOf(draft) : null;
      return draft && bound !== null ? bound : committed[e];
    };
    return { from: pick('from'), to: pick('to') };
  };

  /** Commits every field holding a whole date (or emptied), unless the range would run backwards. */
  const apply = (next: Drafts) => {
    setDrafts(next);
    const range = effective(next);
    if (isReversedRange(range.from, range.to)) return;
    const patch: Bounds = {};
    let changed = false;
    for (const e of ENDS) {
      const draft = next[e];
      const bound = draft ? boundOf(draft) : null;
      if (draft && bound !== null && bound !== committed[e]) {
        patch[e] = bound;
        changed = true;
      }
    }
    if (changed) onChange(patch);
  };

  /** Blur or Enter: what the field holds is final. */
  const finish = (e: End, input: HTMLInputElement) => {
    if (!drafts[e] && !input.validity.badInput) return; // nothing typed here
    apply({ ...drafts, [e]: readDraft(input, true) });
  };

  const range = effective(drafts);
  const reversed = isReversedRange(range.from, range.to);
  /** Fields whose typed date differs from the URL: a backwards range is their error. */
  const edited = ENDS.filter((e) => {
    const draft = drafts[e];
    return draft && boundOf(draft) !== null && boundOf(draft) !== committed[e];
  });
  const errorOf = (e: End): string | null => {
    const draft = drafts[e];
    if (draft && boundOf(draft) === null) return draft.done ? INCOMPLETE : null;
    if (!reversed) return null;
    // A link with a backwards range: say so on From.
    return edited.includes(e) || (edited.length === 0 && e === 'from') ? REVERSED[e] : null;
  };

  return ENDS.map((e) => {
    const error = errorOf(e);
    const draft = drafts[e];
    return (
      <TextField
        key={`${e}-${generation[e]}`}
        type="date"
        size="small"
        label={LABEL[e]}
        value={draft ? draft.text : (committed[e]?.slice(0, 10) ?? '')}
        error={!!error}
        helperText={error ?? undefined}
        onFocus={() => setFocused(e)}
        onBlur={(event) => {
          setFocused(null);
          finish(e, event.target as HTMLInputElement);
        }}
        onChange={(event) => apply({ ...drafts, [e]: readDraft(event.target as HTMLInputElement, false) })}
        slotProps={{
          inputLabel: { shrink: true },
          htmlInput: {
            onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
              if (event.key === 'Enter') finish(e, event.currentTarget);
            },
            // The picker offers only the days that keep the range in order.
            ...(e === 'from' ? { max: range.to?.slice(0, 10) } : { min: range.from?.slice(0, 10) }),
          },
        }}
        sx={{ minWidth: 150, flex: '1 1 150px' }}
      />
    );
  });
}
