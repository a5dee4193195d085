import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { describeError } from '../../../lib/describeError';
import type { HubSpotObject, ValueWithTimestamp } from '../../../api/schemas';
import { useNotify } from '../../../lib/notifications';
import { formatDateTime, formatExactDateTime } from '../../../lib/datetime';
import { useUpdateCall } from '../calls-queries';
import { CALL_HISTORY_PROPERTIES, canChooseValue, propertyLabel } from '../call-properties';
import { formatCallValue, type FormatContext } from '../call-values';

/** "CRM UI · Jane Doe" from HubSpot's sourceType / sourceLabel / sourceId / updatedByUserId. */
function describeSource(entry: ValueWithTimestamp): string {
  const type = entry.sourceType
    .toLowerCase()
    .split('_')
    .map((w) => (w === 'crm' || w === 'ui' || w === 'api' ? w.toUpperCase() : w))
    .join(' ');
  const detail = entry.sourceLabel || entry.sourceId || (entry.updatedByUserId !== undefined ? `user ${entry.updatedByUserId}` : '');
  const head = type.charAt(0).toUpperCase() + type.slice(1);
  return detail ? `${head} · ${detail}` : head;
}

/** Newest first, as HubSpot returns them (sorted again in case a source did not). */
function sortHistory(entries: readonly ValueWithTimestamp[]): ValueWithTimestamp[] {
  return [...entries].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
}

/** History of every property a person or an integration sets, with one-click revert of a single property. */
export function PropertyHistory({ call, ctx }: { call: HubSpotObject; ctx: FormatContext }) {
  const update = useUpdateCall();
  const notify = useNotify();
  const history = call.propertiesWithHistory ?? {};

  const revert = (property: string, label: string, value: string, previous: string) => {
    const shown = formatCallValue(property, value, ctx) || '(empty)';
    update.mutate(
      { id: call.id, properties: { [property]: value } },
      {
        onSuccess: () =>
          notify({
            message: `${label} reverted to ${shown}.`,
            severity: 'success',
            action: { label: 'Undo', onClick: () => update.mutate({ id: call.id, properties: { [property]: previous } }) },
          }),
        onError: (e) =>
          notify({
            message: `Could not revert ${label}: ${describeError(e).text}`,
            severity: 'error',
          }),
      },
    );
  };

  const shownProperties = CALL_HISTORY_PROPERTIES.filter((p) => (history[p]?.length ?? 0) > 0);
  if (shownProperties.length === 0) {
    return <Typography color="text.secondary">HubSpot returned no history for this call.</Typography>;
  }

  return (
    <Stack spacing={2}>
      {shownProperties.map((property) => {
        const label = propertyLabel(property, ctx.definitions);
        const entries = sortHistory(history[property] ?? []);
        const current = call.properties[property] ?? '';
        return (
          <Paper key={property} variant="outlined" component="section" aria-label={`History of ${label}`}>
            <Typography variant="subtitle1" component="h3" sx={{ px: 2, pt: 1.5, fontWeight: 600 }}>
              {label}
            </Typography>
            <TableContainer>
              <Table size="small" aria-label={`${label} history`}>
                <TableHead>
                  <TableRow>
                    <TableCell component="th">Value</TableCell>
                    <TableCell component="th">When</TableCell>
                    <TableCell component="th">Source</TableCell>
                    <TableCell component="th" align="right">
                      Revert
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {entries.map((entry, index) => {
                    const shown = formatCallValue(property, entry.value, ctx) || '(empty)';
                    const isCurrent = entry.value === current && index === entries.findIndex((e) => e.value === current);
                    return (
                      <TableRow key={`${entry.timestamp}-${index}`}>
                        <TableCell sx={{ overflowWrap: 'anywhere' }}>
                          {shown} {isCurrent && <Chip size="small" label="Current" sx={{ ml: 1 }} />}
                        </TableCell>
                        <TableCell title={entry.timestamp}>
                          {formatDateTime(entry.timestamp, ctx.timeZone)}
                          <Typography component="div" variant="caption" color="text.secondary">
                            {formatExactDateTime(entry.timestamp, ctx.timeZone)}
                          </Typography>
                        </TableCell>
                        <TableCell>{describeSource(entry)}</TableCell>
                        <TableCell align="right">
                          {entry.value === current ? null : canChooseValue(property, entry.value, ctx.dispositions) ? (
                            <Button
                              size="small"
                              disabled={update.isPending}
                              aria-label={`Revert ${label} to ${shown}`}
                              onClick={() => revert(property, label, entry.value, current)}
                            >
                              Revert
                            </Button>
                          ) : (
                            <Typography variant="body2" color="text.secondary" title="The account archived this outcome: it can no longer be chosen">
                              Archived
                            </Typography>
                          )}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </TableContainer>
          </Paper>
        );
      })}
    </Stack>
  );
}
