/**
 * What resolving a duplicates group will do, before it is done: the keeper to choose (a radio per call, the
 * proposed one marked), the values copied to it (only those it has none of) with the call each comes from, the
 * records it gets associated with, and the calls deleted.
 */
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { metadataQueries, ownerNames } from '../../api/metadata-queries';
import { RECORD_TYPE_LABELS, RECORD_TYPES } from '../../api/records';
import { formatDateTime } from '../../lib/datetime';
import { formatDuration } from '../../lib/duration';
import { userTimeZone } from '../../lib/timezone';
import { dataScore, MERGED_PROPERTIES, type GroupCall, type MergedProperty, type MergePlan } from './duplicate-merge';
import { duplicateQueries } from './duplicate-reads';

/** The same wording as the call list's Delete. */
export const RECYCLING_BIN =
  'They move to HubSpot’s recycling bin and disappear from this console. The recycling bin is in HubSpot: calls can be restored there for 90 days, and this console cannot restore them.';

const LABELS: Record<MergedProperty, string> = {
  hs_call_title: 'Title',
  hs_call_body: 'Notes',
  hs_call_disposition: 'Outcome',
  hs_call_duration: 'Duration',
  hs_call_recording_url: 'Recording URL',
  hubspot_owner_id: 'Owner',
  hs_call_status: 'Status',
  hs_call_direction: 'Direction',
  hs_call_from_number: 'From number',
  hs_call_to_number: 'To number',
};

export const callTitle = (c: GroupCall) => c.properties.hs_call_title?.trim() || '(untitled call)';

const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A value as the user reads it: labels for outcome, owner, direction and status, h:mm:ss, notes as text. */
function useShowValue() {
  const properties = useQuery(metadataQueries.properties('calls'));
  const owners = useQuery(metadataQueries.owners());
  const dispositions = useQuery(metadataQueries.dispositions());
  const names = useMemo(() => ownerNames(owners.data), [owners.data]);
  return (name: MergedProperty, value: string): string => {
    if (name === 'hs_call_duration') return formatDuration(value);
    if (name === 'hs_call_body') {
      const text = plainText(value);
      return text.length > 120 ? `${text.slice(0, 119)}…` : text;
    }
    if (name === 'hubspot_owner_id') return names.get(value) ?? `Owner #${value}`;
    if (name === 'hs_call_disposition') return dispositions.data?.find((d) => d.id === value)?.label ?? value;
    return properties.data?.find((d) => d.name === name)?.options?.find((o) => o.value === value)?.label ?? value;
  };
}

export function KeeperChoice({ calls, ranked, keeperId, proposedId, onChoose }: { calls: readonly GroupCall[]; ranked: readonly GroupCall[]; keeperId: string; proposedId: string; onChoose: (id: string) => void }) {
  const [timeZone] = useState(userTimeZone);
  const order = new Map(ranked.map((c, i) => [c.id, i]));
  return (
    <FormControl>
      <FormLabel id="keeper-label">Call to keep</FormLabel>
      <RadioGroup aria-labelledby="keeper-label" value={keeperId} onChange={(e) => onChoose(e.target.value)}>
        {[...calls]
          .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
          .map((c) => {
            const score = dataScore(c);
            return (
              <FormControlLabel
                key={c.id}
                value={c.id}
                control={<Radio />}
                label={`${callTitle(c)} · ${formatDateTime(c.properties.hs_timestamp, timeZone)} · ${score.values} of ${MERGED_PROPERTIES.length} values · ${score.records} ${score.records === 1 ? 'record' : 'records'} · call ${c.id}${c.id === proposedId ? ' (proposed: most data)' : ''}`}
              />
            );
          })}
      </RadioGroup>
    </FormControl>
  );
}

export function MergePreview({ plan }: { plan: MergePlan }) {
  const show = useShowValue();
  const [timeZone] = useState(userTimeZone);
  const names = useQuery(duplicateQueries.names(plan.added));
  const title = (id: string) => {
    const c = plan.archived.find((a) => a.id === id);
    return c ? `${callTitle(c)} (call ${c.id})` : `call ${id}`;
  };
  const addedTypes = RECORD_TYPES.filter((t) => plan.added[t]);
  return (
    <Stack spacing={2}>
      <Box component="section" aria-labelledby="copied-heading">
        <Typography variant="subtitle2" component="h3" id="copied-heading">
          Values copied to the kept call
        </Typography>
        {plan.copied.length === 0 ? (
          <Typography variant="body2">None: the kept call already has every value the others have.</Typography>
        ) : (
          <Table size="small" aria-labelledby="copied-heading">
            <TableHead>
              <TableRow>
                <TableCell>Property</TableCell>
                <TableCell>Value</TableCell>
                <TableCell>From</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {plan.copied.map((c) => (
                <TableRow key={c.name}>
                  <TableCell>{LABELS[c.name]}</TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{show(c.name, c.value)}</TableCell>
                  <TableCell>{title(c.fromId)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
      <Box component="section" aria-labelledby="added-heading">
        <Typography variant="subtitle2" component="h3" id="added-heading">
          Records the kept call gets associated with
        </Typography>
        {addedTypes.length === 0 ? (
          <Typography variant="body2">None: the kept call is already on every record the others are on.</Typography>
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {addedTypes.flatMap((type) =>
              (plan.added[type] ?? []).map((id) => (
                <li key={`${type}:${id}`}>
                  <Typography variant="body2">
                    {RECORD_TYPE_LABELS[type].one}: {names.data?.get(`${type}:${id}`) ?? `#${id}`}
                  </Typography>
                </li>
              )),
            )}
          </Box>
        )}
      </Box>
      <Box component="section" aria-labelledby="deleted-heading">
        <Typography variant="subtitle2" component="h3" id="deleted-heading">
          Calls deleted ({plan.archived.length})
        </Typography>
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {plan.archived.map((c) => (
            <li key={c.id}>
              <Typography variant="body2">
                {`${callTitle(c)} · ${formatDateTime(c.properties.hs_timestamp, timeZone)} · call ${c.id}`}
              </Typography>
            </li>
          ))}
        </Box>
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {RECYCLING_BIN}
        </Typography>
      </Box>
    </Stack>
  );
}
