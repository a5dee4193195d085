/** Column definitions of the call grid. Cells stay light (text, one icon button) so 100 rows render fast. */
import type { GridColDef, GridRenderCellParams } from '@mui/x-data-grid';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import GraphicEqIcon from '@mui/icons-material/GraphicEq';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import type { HubSpotObject } from '../../../api/schemas';
import { formatDuration } from '../../../lib/duration';
import { formatDateTime, formatExactDateTime } from '../../../lib/datetime';
import { COLUMN_LABELS, hasRecording, optionLabel, outcomeOf, ownerNameOf, prop, recordNamesOf, type ColumnId, type RowLookups } from './call-row';
import type { ColumnPrefs } from './column-prefs';
import { SORT_FIELDS } from './list-state';

export interface ColumnContext {
  lookups: RowLookups;
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
  duration: 100,
  owner: 160,
  from: 150,
  to: 150,
  contacts: 180,
  companies: 180,
  recording: 110,
};

const titleOf = (c: HubSpotObject) => prop(c, 'hs_call_title') || '(untitled call)';

function OutcomeCell({ call, ctx }: { call: HubSpotObject; ctx: ColumnContext }) {
  const o = outcomeOf(call, ctx.lookups);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, width: '100%', minWidth: 0 }}>
      <Box
        component="span"
        sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flex: 1, color: o?.unknown ? 'warning.main' : undefined }}
        title={o?.unknown ? "This outcome ID is not one of the account's outcomes" : undefined}
      >
        {o?.unknown && <WarningAmberIcon fontSize="inherit" sx={{ verticalAlign: 'text-bottom', mr: 0.5 }} aria-hidden />}
        {o ? o.label : '—'}
      </Box>
      <IconButton
        size="small"
        aria-label={`Change outcome of ${titleOf(call)}`}
        aria-haspopup="menu"
        tabIndex={-1}
        onClick={(e) => {
          e.stopPropagation();
          ctx.onEditOutcome(call, e.currentTarget);
        }}
      >
        <ArrowDropDownIcon fontSize="small" />
      </IconButton>
    </Box>
  );
}

function cell(id: ColumnId, ctx: ColumnContext): Partial<GridColDef<HubSpotObject>> {
  const lk = ctx.lookups;
  switch (id) {
    case 'title':
      return { renderCell: ({ row }) => <span>{titleOf(row)}</span> };
    case 'time':
      return {
        renderCell: ({ row }) => {
          const iso = prop(row, 'hs_timestamp');
          return iso ? (
            <time dateTime={iso} title={`${formatExactDateTime(iso, ctx.timeZone)} (${ctx.timeZone}) · ${iso}`}>
              {formatDateTime(iso, ctx.timeZone)}
            </time>
          ) : (
            ''
          );
        },
      };
    case 'direction':
      return { renderCell: ({ row }) => optionLabel(prop(row, 'hs_call_direction'), lk.directionLabels) };
    case 'outcome':
      return { renderCell: ({ row }: GridRenderCellParams<HubSpotObject>) => <OutcomeCell call={row} ctx={ctx} /> };
    case 'status':
      return { renderCell: ({ row }) => optionLabel(prop(row, 'hs_call_status'), lk.statusLabels) };
    case 'duration':
      return { align: 'right', headerAlign: 'right', renderCell: ({ row }) => formatDuration(prop(row, 'hs_call_duration')) };
    case 'owner':
      return { renderCell: ({ row }) => ownerNameOf(row, lk) };
    case 'from':
      return { renderCell: ({ row }) => prop(row, 'hs_call_from_number') };
    case 'to':
      return { renderCell: ({ row }) => prop(row, 'hs_call_to_number') };
    case 'contacts':
      return { renderCell: ({ row }) => recordNamesOf(row, 'contacts', lk).join(', ') };
    case 'companies':
      return { renderCell: ({ row }) => recordNamesOf(row, 'companies', lk).join(', ') };
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
    headerName: COLUMN_LABELS[id],
    width: ctx.prefs.widths[id] ?? DEFAULT_WIDTHS[id],
    sortable: Object.prototype.hasOwnProperty.call(SORT_FIELDS, id),
    filterable: false,
    hideable: id !== 'title',
    ...cell(id, ctx),
  }));
}
