/** Column definitions of the call grid. Cells stay light (text, one icon button) so 100 rows render fast. */
import { createContext, useContext } from 'react';
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

const DEFAULT_WIDTHS: Record<ColumnId, number> = {
  title: 240,
  time: 170,
  direction: 110,
  outcome: 190,
  status: 120,
  duration: 120,
  owner: 160,
  from: 150,
  to: 150,
  contacts: 180,
  companies: 180,
  recording: 110,
};

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
        className={o?.unknown ? 'calls-outcome-label calls-outcome-unknown' : 'calls-outcome-label'}
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

/** The styles of OutcomeCell's elements, set once on the grid. */
export const OUTCOME_CELL_SX = {
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
  return <>{optionLabel(prop(call, 'hs_call_direction'), useLookups().directionLabels)}</>;
}
function StatusCell({ call }: { call: HubSpotObject }) {
  return <>{optionLabel(prop(call, 'hs_call_status'), useLookups().statusLabels)}</>;
}
function OwnerCell({ call }: { call: HubSpotObject }) {
  return <>{ownerNameOf(call, useLookups())}</>;
}
function RecordsCell({ call, type }: { call: HubSpotObject; type: 'contacts' | 'companies' }) {
  return <>{recordNamesOf(call, type, useLookups()).join(', ')}</>;
}

function cell(id: ColumnId, ctx: ColumnContext): Partial<GridColDef<HubSpotObject>> {
  switch (id) {
    case 'title':
      return { renderCell: ({ row }) => <span>{titleOf(row)}</span> };
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
      return { renderCell: ({ row }) => prop(row, 'hs_call_from_number') };
    case 'to':
      return { renderCell: ({ row }) => prop(row, 'hs_call_to_number') };
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
    sortable: isSortKey(id),
    filterable: false,
    hideable: id !== 'title',
    ...cell(id, ctx),
  }));
}
