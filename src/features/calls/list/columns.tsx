/** Column definitions of the call grid. Cells stay light (text, one icon button) so 100 rows render fast. */
import { createContext, useContext, type ReactNode } from 'react';
import type { GridColDef, GridRenderCellParams } from '@mui/x-data-grid';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import GraphicEqIcon from '@mui/icons-material/GraphicEq';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import type { HubSpotObject } from '../../../api/schemas';
import { formatDuration } from '../../../lib/duration';
import { OutcomeSaveStatus } from '../shared/OutcomeSaveStatus';
import { COLUMNS, isSortKey, optionLabel, type ColumnId } from '../call-properties';
import { hasRecording, outcomeOf, ownerNameOf, prop, recordNamesOf, type RowLookups } from './call-row';
import type { ColumnPrefs } from './column-prefs';
import { cellTime } from './time-format';

/**
 * Labels and names reach the cells through context, so the column definitions stay the same object while
 * names load (new columns make the grid redo its column state; a context change only re-renders cells).
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

/** Marks text a column may cut (with an ellipsis); the grid shows such text in full on hover and focus. */
export const CUT_TEXT_CLASS = 'CallGrid-cutText';
const cutText = { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 } as const;

function Cut({ children }: { children: ReactNode }) {
  return <span className={CUT_TEXT_CLASS}>{children}</span>;
}

const titleOf = (c: HubSpotObject) => prop(c, 'hs_call_title') || '(untitled call)';

/**
 * Plain elements styled once by the grid (OUTCOME_CELL_SX in CallGrid), not MUI components: a page shows up to
 * 100 of these, and an IconButton (ripple, emotion styles) per row was a large part of rendering a page.
 */
function OutcomeCell({ call, ctx }: { call: HubSpotObject; ctx: ColumnContext }) {
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
          ctx.onEditOutcome(call, e.currentTarget);
        }}
      >
        <ArrowDropDownIcon fontSize="small" />
      </button>
    </span>
  );
}

/** The styles of the cells' plain elements (cut text, OutcomeCell), set once on the grid. */
export const CELL_SX = {
  [`& .${CUT_TEXT_CLASS}`]: cutText,
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

function cell(id: ColumnId, ctx: ColumnContext): Partial<GridColDef<HubSpotObject>> {
  switch (id) {
    case 'title':
      return { renderCell: ({ row }) => <Cut>{titleOf(row)}</Cut> };
    case 'time':
      return {
        renderCell: ({ row }) => {
          const iso = prop(row, 'hs_timestamp');
          const t = cellTime(iso, ctx.timeZone);
          return t ? (
            <time dateTime={iso} title={`${t.exact} (${ctx.timeZone}) · ${iso}`}>
              {t.short}
            </time>
          ) : (
            ''
          );
        },
      };
    case 'direction':
      return { renderCell: ({ row }) => <DirectionCell call={row} /> };
    case 'outcome':
      return { renderCell: ({ row }: GridRenderCellParams<HubSpotObject>) => <OutcomeCell call={row} ctx={ctx} /> };
    case 'status':
      return { renderCell: ({ row }) => <StatusCell call={row} /> };
    case 'duration':
      return { align: 'right', headerAlign: 'right', renderCell: ({ row }) => formatDuration(prop(row, 'hs_call_duration')) };
    case 'owner':
      return { renderCell: ({ row }) => <OwnerCell call={row} /> };
    case 'from':
      return { renderCell: ({ row }) => <Cut>{prop(row, 'hs_call_from_number')}</Cut> };
    case 'to':
      return { renderCell: ({ row }) => <Cut>{prop(row, 'hs_call_to_number')}</Cut> };
    case 'contacts':
      return { renderCell: ({ row }) => <RecordsCell call={row} type="contacts" /> };
    case 'companies':
      return { renderCell: ({ row }) => <RecordsCell call={row} type="companies" /> };
    case 'recording':
      return {
        align: 'center',
        headerAlign: 'center',
        renderCell: ({ row }) =>
          hasRecording(row) ? <GraphicEqIcon fontSize="small" color="primary" role="img" aria-label="Has recording" titleAccess="Has recording" /> : null,
      };
  }
}

/** All columns in the user's order (hidden ones are hidden through the visibility model, not removed). */
export function buildColumns(ctx: ColumnContext): GridColDef<HubSpotObject>[] {
  return ctx.prefs.order.map((id) => ({
    field: id,
    headerName: COLUMNS[id].header,
    width: ctx.prefs.widths[id] ?? DEFAULT_WIDTHS[id],
    ...(id === 'title' && ctx.prefs.widths.title === undefined ? { flex: 1, minWidth: TITLE_MIN_WIDTH } : {}),
    sortable: isSortKey(id),
    // Every view has an order (newest first by default): a header click flips it, never clears it.
    sortingOrder: id === 'time' ? ['desc', 'asc'] : ['asc', 'desc'],
    filterable: false,
    hideable: id !== 'title',
    ...cell(id, ctx),
  }));
}
