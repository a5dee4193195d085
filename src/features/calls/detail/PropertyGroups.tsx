import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { HubSpotObject } from '../../../api/schemas';
import { formatExactDateTime } from '../../../lib/datetime';
import { metadataQueries } from '../../../api/metadata-queries';
import { CopyButton } from './CopyButton';
import { groupProperties } from './property-groups';
import { shownOnlyWithValue } from '../call-properties';
import { formatCallValue, type FormatContext } from '../call-values';
import { CalleeLink } from './CalleeLink';

const COPYABLE = new Set(['hs_object_id', 'hubspot_owner_id', 'hs_call_disposition', 'hs_call_callee_object_id', 'hs_attachment_ids', 'hs_call_recording_url']);
const TIMES = new Set(['hs_timestamp', 'hs_createdate', 'hs_lastmodifieddate']);

/** Every property of the call, in HubSpot's groups, friendly values first and raw values for admins. */
export function PropertyGroups({ call, ctx }: { call: HubSpotObject; ctx: FormatContext }) {
  const [showRaw, setShowRaw] = useState(false);
  const { data: groupDefinitions } = useQuery(metadataQueries.propertyGroups('calls'));
  // What integrations send is listed only when the call has it.
  const shown = Object.fromEntries(Object.entries(call.properties).filter(([name, value]) => !!value || !shownOnlyWithValue(name)));
  const groups = groupProperties(shown, ctx.definitions, groupDefinitions);

  return (
    <Stack spacing={2}>
      <FormControlLabel control={<Switch checked={showRaw} onChange={(e) => setShowRaw(e.target.checked)} />} label="Show raw values" />
      {groups.map((group) => (
        <Paper key={group.name} variant="outlined" component="section" aria-label={group.label}>
          <Typography variant="subtitle1" component="h3" sx={{ px: 2, pt: 1.5, fontWeight: 600 }}>
            {group.label}
          </Typography>
          <Table size="small" aria-label={`${group.label} properties`}>
            <TableBody>
              {group.properties.map((p) => {
                const raw = call.properties[p.name] ?? '';
                const friendly =
                  p.name === 'hs_call_body' ? (
                    raw ? 'See Notes' : ''
                  ) : p.name === 'hs_call_callee_object_id' && raw ? (
                    <CalleeLink calleeType={call.properties.hs_call_callee_object_type} calleeId={raw} />
                  ) : (
                    formatCallValue(p.name, raw, ctx)
                  );
                return (
                  <TableRow key={p.name}>
                    <TableCell component="th" scope="row" sx={{ width: '35%', color: 'text.secondary' }}>
                      {p.label}
                    </TableCell>
                    <TableCell sx={{ overflowWrap: 'anywhere' }} title={TIMES.has(p.name) && raw ? raw : undefined}>
                      {friendly || <Box component="span" sx={{ color: 'text.disabled' }}>—</Box>}
                      {TIMES.has(p.name) && raw && (
                        <Typography component="div" variant="caption" color="text.secondary">
                          {formatExactDateTime(raw, ctx.timeZone)}
                        </Typography>
                      )}
                    </TableCell>
                    {showRaw && (
                      <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere', width: '35%' }}>
                        {raw === '' ? <Box component="span" sx={{ color: 'text.disabled' }}>(empty)</Box> : raw.length > 300 ? `${raw.slice(0, 300)}…` : raw}
                        {raw !== '' && (COPYABLE.has(p.name) || TIMES.has(p.name)) && <CopyButton value={raw} label={`Copy raw ${p.label}`} />}
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}
