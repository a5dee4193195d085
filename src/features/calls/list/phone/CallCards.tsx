/**
 * The call list on a narrow screen (a phone): one card per call with its title (the link that opens it), time,
 * outcome (with the button that changes it) and contacts, and a checkbox that selects it for the bulk actions.
 * Paging is Previous / Next, as HubSpot's cursors allow. The grid's columns, widths and sorting stay on wide screens.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import type { HubSpotObject } from '../../../../api/schemas';
import { appPaths, Link as RouterLink } from '../../../../lib/router';
import { OutcomeSaveStatus } from '../../shared/OutcomeSaveStatus';
import { outcomeOf, prop, recordNamesOf, type RowLookups } from '../call-row';
import { cellTime } from '../time-format';

export interface CallCardsProps {
  rows: readonly HubSpotObject[];
  lookups: RowLookups;
  timeZone: string;
  loading: boolean;
  page: number;
  hasNextPage: boolean;
  onPageChange: (page: number) => void;
  selection: ReadonlySet<string>;
  onSelectionChange: (ids: Set<string>) => void;
  onEditOutcome: (call: HubSpotObject, anchor: HTMLElement) => void;
  onPrefetch: (id: string) => void;
}

const titleOf = (c: HubSpotObject) => prop(c, 'hs_call_title') || '(untitled call)';

function CallCard({ call, props }: { call: HubSpotObject; props: CallCardsProps }) {
  const { lookups, timeZone, selection } = props;
  const title = titleOf(call);
  const iso = prop(call, 'hs_timestamp');
  const time = cellTime(iso, timeZone);
  const outcome = outcomeOf(call, lookups);
  const contacts = recordNamesOf(call, 'contacts', lookups);
  const selected = selection.has(call.id);
  const toggle = () => {
    const next = new Set(selection);
    if (selected) next.delete(call.id);
    else next.add(call.id);
    props.onSelectionChange(next);
  };
  return (
    <Paper component="li" variant="outlined" aria-label={title} sx={{ display: 'flex', gap: 0.5, p: 1, pl: 0.5, minWidth: 0 }}>
      <Checkbox checked={selected} onChange={toggle} slotProps={{ input: { 'aria-label': `Select ${title}` } }} sx={{ alignSelf: 'flex-start' }} />
      <Box sx={{ flex: 1, minWidth: 0, display: 'grid', gap: 0.25, pt: 0.75 }}>
        <Link
          component={RouterLink}
          to={appPaths.call(call.id)}
          onFocus={() => props.onPrefetch(call.id)}
          onMouseEnter={() => props.onPrefetch(call.id)}
          underline="hover"
          sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}
        >
          {title}
        </Link>
        <Typography variant="body2" color="text.secondary">
          {time ? (
            <time dateTime={iso} title={`${time.exact} (${timeZone})`}>
              {time.short}
            </time>
          ) : (
            'No time set'
          )}
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0 }}>
          <Typography variant="body2" component="span" sx={{ overflowWrap: 'anywhere', color: outcome?.unknown ? 'warning.main' : undefined }}>
            {outcome?.unknown && <WarningAmberIcon fontSize="inherit" sx={{ verticalAlign: 'text-bottom', mr: 0.5 }} aria-hidden />}
            <Box component="span" sx={{ color: 'text.secondary' }}>
              Outcome:{' '}
            </Box>
            {outcome ? outcome.label : 'none'}
          </Typography>
          <OutcomeSaveStatus callId={call.id} />
          <IconButton
            size="small"
            aria-label={`Change outcome of ${title}`}
            aria-haspopup="menu"
            onClick={(e) => props.onEditOutcome(call, e.currentTarget)}
          >
            <ArrowDropDownIcon />
          </IconButton>
        </Box>
        <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          <Box component="span" sx={{ color: 'text.secondary' }}>
            Contact:{' '}
          </Box>
          {contacts.length > 0 ? contacts.join(', ') : 'none'}
        </Typography>
      </Box>
    </Paper>
  );
}

export function CallCards(props: CallCardsProps) {
  const { rows, selection, page } = props;
  const ids = rows.map((r) => r.id);
  const selectedHere = ids.filter((id) => selection.has(id)).length;
  const all = ids.length > 0 && selectedHere === ids.length;
  const selectPage = () => {
    const next = new Set(selection);
    for (const id of ids) {
      if (all) next.delete(id);
      else next.add(id);
    }
    props.onSelectionChange(next);
  };
  return (
    <Box sx={{ display: 'grid', gap: 1, minWidth: 0 }}>
      <FormControlLabel
        sx={{ ml: -0.25 }}
        control={<Checkbox checked={all} indeterminate={selectedHere > 0 && !all} onChange={selectPage} />}
        label="Select all on this page"
      />
      {props.loading && <LinearProgress aria-label="Loading calls" />}
      <Box component="ul" aria-label="Calls" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1 }}>
        {rows.map((call) => (
          <CallCard key={call.id} call={call} props={props} />
        ))}
      </Box>
      {(page > 0 || props.hasNextPage) && (
        <Box component="nav" aria-label="Pages" sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
          <Button disabled={page === 0 || props.loading} onClick={() => props.onPageChange(page - 1)}>
            Previous
          </Button>
          <Typography variant="body2">Page {page + 1}</Typography>
          <Button disabled={!props.hasNextPage || props.loading} onClick={() => props.onPageChange(page + 1)}>
            Next
          </Button>
        </Box>
      )}
    </Box>
  );
}
