/**
 * Compact views for the call's header: who the call is associated with, and where it is pinned.
 * Both read the panel's cached queries, so they add no requests.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import PushPinIcon from '@mui/icons-material/PushPin';
import { RECORD_TYPE_LABELS } from '../../api/records';
import { entryName } from './association-model';
import { useCallAssociations, useCallPins } from './useCallAssociations';

/** Names per record type, e.g. "Contacts: Ada Lovelace, Grace Hopper · Companies: Acme". */
export function AssociationSummary({ callId, max = 3 }: { callId: string; max?: number }) {
  const byType = useCallAssociations(callId);
  const loading = byType.some(({ query }) => query?.isPending);
  const parts = byType
    .map(({ type, query }) => {
      const entries = query?.data ?? [];
      if (entries.length === 0) return null;
      const names = entries.slice(0, max).map(entryName);
      const more = entries.length - names.length;
      return { type, text: `${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}` };
    })
    .filter((p): p is { type: (typeof byType)[number]['type']; text: string } => p !== null);

  if (loading && parts.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        Loading associations…
      </Typography>
    );
  }
  if (parts.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        Not associated with any record
      </Typography>
    );
  }
  return (
    <Box component="dl" aria-label="Associated records" sx={{ m: 0, display: 'flex', flexWrap: 'wrap', columnGap: 2, rowGap: 0.5 }}>
      {parts.map((p) => (
        <Box key={p.type} sx={{ display: 'flex', gap: 0.5 }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {RECORD_TYPE_LABELS[p.type].many}:
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }}>
            {p.text}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** "Pinned on Ada Lovelace (contact), Acme (company)"; nothing when the call is pinned nowhere. */
export function PinnedOnSummary({ callId }: { callId: string }) {
  const pins = useCallPins(callId);
  if (pins.length === 0) return null;
  return (
    <Typography variant="body2" color="primary" sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5, mt: 0.5 }}>
      <PushPinIcon fontSize="small" aria-hidden />
      <span>Pinned on {pins.map((p) => `${p.name} (${RECORD_TYPE_LABELS[p.type].one.toLowerCase()})`).join(', ')}</span>
    </Typography>
  );
}
