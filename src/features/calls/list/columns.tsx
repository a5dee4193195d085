/** Column definitions of the call table. Cells stay light (text, one icon button) so 100 rows render fast. */
import { createContext, useContext, type ReactNode } from 'react';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import type { HubSpotObject } from '../../../api/schemas';
import { formatDuration } from '../../../lib/duration';
import { OutcomeSaveStatus } from '../shared/OutcomeSaveStatus';
import { COLUMNS, isSortKey, optionLabel, type ColumnId } from '../call-properties';
import { hasRecording, outcomeOf, ownerNameOf, prop, recordNamesOf, type RowLookups } from './call-row';
import type { ColumnPrefs } from './column-prefs';
import type { ListSort } from './list-state';
import { cellTime } from './time-format';

/**
 * Labels and names reach the cells through context, so the column definitions stay the same object while
 * names load (new columns re-render every row; a context change only re-renders the cells that read it).
 */
export const LookupsContext = createContext<RowLookups>({});
const useLookups = () => useContext(LookupsContext);

export interface ColumnContext {
  timeZone: string;
  prefs: ColumnPrefs;
  /** Opens the outcome menu for a call, anchored at `anchor`. */
  onEditOutcome: (call: HubSpotObject, anchor: HTMLElement) => void;
}

/**
 * Widths that fit the default columns on a 1440 px screen without horizontal scroll; the title takes the
 * rest of the row (flex) until the user sets its width. Text cut by a column shows in full in a tooltip.
 */
const DEFAULT_WIDTHS: Record<ColumnId, number> = {
  title: 220,
  time: 166,
  direction: 96,
  outcome: 160,
  status: 96,
  duration: 90,
  owner: 130,
  from: 140,
  to: 140,
  contacts: 140,
  companies: 140,
  recording: 96,
};
const TITLE_MIN_WIDTH = 180;

/** Marks text a column may cut (with an ellipsis); the table shows such text in full on hover and focus. */
export const CUT_TEXT_CLASS = 'calls-cut';
const cutText = { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 } as const;

function Cut({ children }: { children: ReactNode }) {
  return <span className={CUT_TEXT_CLASS}>{children}</span>;
}

/**
 * A Material icon as a plain SVG styled by the table (`.calls-icon`): an SvgIcon is an MUI component with its
 * own styles, one per row. With a label it is an image of that name (and a tooltip), else decoration.
 */
function Icon({ d, className, label }: { d: string; className?: string; label?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className ? `calls-icon ${className}` : 'calls-icon'} focusable="false" {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}>
      {label && <title>{label}</title>}
      <path d={d} />
    </svg>
  );
}
const ARROW_DROP_DOWN = 'm7 10 5 5 5-5z';
const GRAPHIC_EQ = 'M7 18h2V6H7zm4 4h2V2h-2zm-8-8h2v-4H3zm12 4h2V6h-2zm4-8v4h2v-4z';

const titleOf = (c: HubSpotObject) => prop(c, 'hs_call_title') || '(untitled call)';

/**
 * Plain elements styled once on the table (CELL_SX), not MUI components: a page shows up to 100 of these, and
 * an IconButton (ripple, emotion styles) per row was a large part of rendering a page.
 */
function OutcomeCell({ call, onEdit }: { call: HubSpotObject; onEdit: ColumnContext['onEditOutcome'] }) {
  const o = outcomeOf(call, useLookups());
  return (
    <span className="calls-outcome">
      <span
        className={`${CUT_TEXT_CLASS} calls-outcome-label${o?.unknown ? ' calls-outcome-unknown' : ''}`}
        title={o?.unknown ? "This outcome ID is not one of the account's outcomes" : undefined}
      >
        {o?.unknown && <WarningAmberIcon fontSize="inherit" sx={{ verticalAlign: 'text-bottom', mr: 0.5 }} aria-hidden />}
        {o ? o.label : '—'}
      </span>
      <OutcomeSaveStatus callId={call.id} />
      <button
        type="button"
        className="calls-outcome-button"
        aria-label={`Change outcome of ${titleOf(call)}`}
        aria-haspopup="menu"
        tabIndex={-1}
        onClick={(e) => {
          e.stopPropagation();
          onEdit(call, e.currentTarget);
        }}
      >
        <Icon d={ARROW_DROP_DOWN} />
      </button>
    </span>
  );
}

/** The styles of the cells' plain elements (cut text, icons, OutcomeCell), set once on the table. */
export const CELL_SX = {
  [`& .${CUT_TEXT_CLASS}`]: cutText,
  '& .calls-icon': { width: 20, height: 20, flexShrink: 0, fill: 'currentColor' },
  '& .calls-recording': { color: 'primary.main' },
  '& .calls-outcome': { display: 'flex', alignItems: 'center', gap: 0.5, width: '100%', minWidth: 0 },
  '& .calls-outcome-label': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flex: 1 },
  '& .calls-outcome-unknown': { color: 'warning.main' },
  '& .calls-outcome-button': {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    p: '5px',
    border: 0,
    borderRadius: '50%',
    bgcolor: 'transparent',
    color: 'action.active',
    cursor: 'pointer',
    '&:hover': { bgcolor: 'action.hover' },
    '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' },
  },
} as const;

function DirectionCell({ call }: { call: HubSpotObject }) {
  return <Cut>{optionLabel(prop(call, 'hs_call_direction'), useLookups().directionLabels)}</Cut>;
}
function StatusCell({ call }: { call: HubSpotObject }) {
  return <Cut>{optionLabel(prop(call, 'hs_call_status'), useLookups().statusLabels)}</Cut>;
}
function OwnerCell({ call }: { call: HubSpotObject }) {
  return <Cut>{ownerNameOf(call, useLookups())}</Cut>;
}
function RecordsCell({ call, type }: { call: HubSpotObject; type: 'contacts' | 'companies' }) {
  return <Cut>{recordNamesOf(call, type, useLookups()).join(', ')}</Cut>;
}

/** A column of the table: what its header says, how it sorts and what its cells show. */
export interface CallColumn {
  id: ColumnId;
  header: string;
  /** A sortable column's first order on a click (time: newest first); undefined when it does not sort. */
  firstOrder: ListSort['direction'] | undefined;
  align: 'left' | 'right' | 'center';
  render: (call: HubSpotObject) => ReactNode;
}

function render(id: ColumnId, ctx: Pick<ColumnContext, 'timeZone' | 'onEditOutcome'>): (call: HubSpotObject) => ReactNode {
  switch (id) {
    case 'title':
      return (call) => <Cut>{titleOf(call)}</Cut>;
    case 'time':
      return (call) => {
        const iso = prop(call, 'hs_timestamp');
        const t = cellTime(iso, ctx.timeZone);
        return t ? (
          <time dateTime={iso} title={`${t.exact} (${ctx.timeZone}) · ${iso}`}>
            {t.short}
          </time>
        ) : (
          ''
        );
      };
    case 'direction':
      return (call) => <DirectionCell call={call} />;
    case 'outcome':
      return (call) => <OutcomeCell call={call} onEdit={ctx.onEditOutcome} />;
    case 'status':
      return (call) => <StatusCell call={call} />;
    case 'duration':
      return (call) => formatDuration(prop(call, 'hs_call_duration'));
    case 'owner':
      return (call) => <OwnerCell call={call} />;
    case 'from':
      return (call) => <Cut>{prop(call, 'hs_call_from_number')}</Cut>;
    case 'to':
      return (call) => <Cut>{prop(call, 'hs_call_to_number')}</Cut>;
    case 'contacts':
      return (call) => <RecordsCell call={call} type="contacts" />;
    case 'companies':
      return (call) => <RecordsCell call={call} type="companies" />;
    case 'recording':
      return (call) =>
        hasRecording(call) ? <Icon d={GRAPHIC_EQ} className="calls-recording" label="Has recording" /> : null;
  }
}

/** The shown columns, in the user's order (hidden ones are not rendered at all). */
export function buildColumns(ids: readonly ColumnId[], ctx: Pick<ColumnContext, 'timeZone' | 'onEditOutcome'>): CallColumn[] {
  return ids.map((id) => ({
    id,
    header: COLUMNS[id].header,
    // Every view has an order (newest first by default): a header click flips it, never clears it.
    firstOrder: isSortKey(id) ? (id === 'time' ? 'desc' : 'asc') : undefined,
    align: id === 'duration' ? 'right' : id === 'recording' ? 'center' : 'left',
    render: render(id, ctx),
  }));
}

/** The sort a click on a column's header asks for: the column's first order, or the other one when it is the sort now. */
export function nextSort(column: CallColumn, now: ListSort | undefined): ListSort | undefined {
  if (!column.firstOrder || !isSortKey(column.id)) return undefined;
  if (now?.field === column.id) return { field: column.id, direction: now.direction === 'asc' ? 'desc' : 'asc' };
  return { field: column.id, direction: column.firstOrder };
}

/**
 * The CSS grid tracks of the columns (after the checkbox column) and the row's least width: a column's width
 * from the prefs, else its default; the title takes the rest of the row (at least TITLE_MIN_WIDTH) until the
 * user sets its width.
 */
export function columnTracks(ids: readonly ColumnId[], widths: ColumnPrefs['widths']): { tracks: string[]; minWidth: number } {
  let minWidth = 0;
  const tracks = ids.map((id) => {
    const w = widths[id];
    if (id === 'title' && w === undefined) {
      minWidth += TITLE_MIN_WIDTH;
      return `minmax(${TITLE_MIN_WIDTH}px, 1fr)`;
    }
    const px = w ?? DEFAULT_WIDTHS[id];
    minWidth += px;
    return `${px}px`;
  });
  return { tracks, minWidth };
}
