/**
 * The call's associated contacts, companies, deals and tickets, grouped by type, with labels,
 * pins, Add (one type-ahead over the four types) and Remove. Data: per record type one v4
 * association list and one batch read of the records, whatever the number of records (≤ 100 per type).
 */
import { useId, useMemo, useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddLinkIcon from '@mui/icons-material/AddLink';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import PushPinIcon from '@mui/icons-material/PushPin';
import PushPinOutlinedIcon from '@mui/icons-material/PushPinOutlined';
import { isNotFound } from '../../api/errors';
import type { HubSpotApiError } from '../../api/errors';
import { RECORD_TYPE_LABELS } from '../../api/records';
import type { RecordType } from '../../api/records';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorState } from '../../components/ErrorState';
import { associationLabelTexts, entryDetail, entryName, pinState } from './association-model';
import type { AssociatedEntry, PickedRecord } from './association-model';
import { useAddAssociations, useReadCurrentPin, useRemoveAssociation, useSetPin } from './association-mutations';
import { associationQueries } from './association-queries';
import { AssociationPicker } from './AssociationPicker';
import { useCallAssociations, useRecordLinks, useStageLabels } from './useCallAssociations';

export interface AssociationsPanelProps {
  callId: string;
}

type PendingPin = { entry: AssociatedEntry; replaces: string };

export function AssociationsPanel({ callId }: AssociationsPanelProps) {
  const titleId = useId();
  const byType = useCallAssociations(callId);
  const linkFor = useRecordLinks();
  const stageLabels = useStageLabels(byType.filter(({ query }) => (query?.data?.length ?? 0) > 0).map(({ type }) => type));
  const add = useAddAssociations(callId);
  const remove = useRemoveAssociation(callId);
  const setPin = useSetPin(callId);
  const readCurrentPin = useReadCurrentPin(callId);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<AssociatedEntry | null>(null);
  const [replacing, setReplacing] = useState<PendingPin | null>(null);

  const associatedKeys = useMemo(() => {
    const keys = new Set<string>();
    for (const { type, query } of byType) for (const e of query?.data ?? []) keys.add(`${type}:${e.id}`);
    return keys;
  }, [byType]);
  const total = byType.reduce((n, { query }) => n + (query?.data?.length ?? 0), 0);
  const allLoaded = byType.every(({ query }) => query?.isSuccess);

  const onPin = async (entry: AssociatedEntry) => {
    if (pinState(entry, callId).kind === 'this-call') {
      setPin.mutate({ entry, pin: false });
      return;
    }
    // Someone may have pinned another activity since the panel loaded: ask HubSpot, then ask the user.
    const current = await readCurrentPin(entry);
    if (current === undefined || current === callId) return;
    if (current) setReplacing({ entry, replaces: current });
    else setPin.mutate({ entry, pin: true });
  };

  return (
    <Card component="section" aria-labelledby={titleId} variant="outlined">
      <CardHeader
        title={
          <Typography id={titleId} variant="h6" component="h2">
            Associations
          </Typography>
        }
        subheader={allLoaded ? `${total} associated record${total === 1 ? '' : 's'}` : 'Loading associations…'}
        action={
          <Button startIcon={<AddLinkIcon />} onClick={() => setAdding(true)} variant="outlined">
            Add association
          </Button>
        }
      />
      <CardContent sx={{ pt: 0 }}>
        <Stack divider={<Divider flexItem />} spacing={1.5}>
          {byType.map(({ type, query }) => (
            <TypeSection
              key={type}
              type={type}
              callId={callId}
              query={query}
              linkFor={linkFor}
              stageLabels={stageLabels(type)}
              onPin={onPin}
              onRemove={setRemoving}
            />
          ))}
        </Stack>
      </CardContent>

      {adding && (
        <AddAssociationsDialog
          excludeKeys={associatedKeys}
          onCancel={() => setAdding(false)}
          onConfirm={(picks) => {
            setAdding(false);
            add.mutate(picks);
          }}
        />
      )}

      <ConfirmDialog
        open={removing !== null}
        title="Remove association?"
        message={
          removing
            ? `${entryName(removing)} will no longer be associated with this call.${
                pinState(removing, callId).kind === 'this-call' ? ' The call is pinned on it; the pin is removed too.' : ''
              } The ${RECORD_TYPE_LABELS[removing.type].one.toLowerCase()} and the call stay in HubSpot.`
            : undefined
        }
        confirmLabel="Remove"
        destructive
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove.mutate(removing);
          setRemoving(null);
        }}
      />

      {replacing && (
        <ReplacePinDialog
          pending={replacing}
          onCancel={() => setReplacing(null)}
          onConfirm={() => {
            setPin.mutate({ entry: replacing.entry, pin: true });
            setReplacing(null);
          }}
        />
      )}
    </Card>
  );
}

function TypeSection({
  type,
  callId,
  query,
  linkFor,
  stageLabels,
  onPin,
  onRemove,
}: {
  type: RecordType;
  callId: string;
  query: UseQueryResult<AssociatedEntry[], HubSpotApiError> | undefined;
  linkFor: (e: AssociatedEntry) => string | null;
  stageLabels: ReadonlyMap<string, string> | undefined;
  onPin: (e: AssociatedEntry) => void;
  onRemove: (e: AssociatedEntry) => void;
}) {
  const headingId = useId();
  const label = RECORD_TYPE_LABELS[type].many;
  const entries = query?.data;
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="subtitle2" component="h3" color="text.secondary">
        {label}
        {entries ? ` (${entries.length})` : ''}
      </Typography>
      {query?.isPending && (
        <Box aria-busy="true" aria-label={`Loading ${label.toLowerCase()}`}>
          <Skeleton width="60%" />
          <Skeleton width="40%" />
        </Box>
      )}
      {query?.isError && !entries && (
        <ErrorState error={query.error} title={`Could not load associated ${label.toLowerCase()}`} onRetry={() => void query.refetch()} />
      )}
      {entries && entries.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ py: 0.5 }}>
          No associated {label.toLowerCase()}
        </Typography>
      )}
      {entries && entries.length > 0 && (
        <List dense aria-label={`Associated ${label.toLowerCase()}`} disablePadding>
          {entries.map((e) => (
            <EntryRow key={e.id} entry={e} callId={callId} href={linkFor(e)} detail={entryDetail(e, stageLabels)} onPin={() => onPin(e)} onRemove={() => onRemove(e)} />
          ))}
        </List>
      )}
    </Box>
  );
}

function EntryRow({
  entry,
  callId,
  href,
  detail,
  onPin,
  onRemove,
}: {
  entry: AssociatedEntry;
  callId: string;
  href: string | null;
  detail: string;
  onPin: () => void;
  onRemove: () => void;
}) {
  const name = entryName(entry);
  const labels = associationLabelTexts(entry.associationTypes);
  const pin = pinState(entry, callId);
  const pinnedHere = pin.kind === 'this-call';
  const busy = entry.pending === true;
  return (
    <ListItem
      disableGutters
      aria-label={name}
      sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center', opacity: busy ? 0.7 : 1 }}
    >
      <Box sx={{ flex: '1 1 220px', minWidth: 0 }}>
        <Typography variant="body1" component="div" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
          {href ? (
            <Link href={href} target="_blank" rel="noopener noreferrer" underline="hover">
              {name}
              <OpenInNewIcon fontSize="inherit" sx={{ ml: 0.5, verticalAlign: 'middle' }} aria-label="(opens HubSpot)" />
            </Link>
          ) : (
            name
          )}
          {busy && <CircularProgress size={14} aria-label="Saving" sx={{ ml: 1 }} />}
        </Typography>
        {detail && (
          <Typography variant="body2" color="text.secondary" noWrap>
            {detail}
          </Typography>
        )}
        <Typography variant="caption" color="text.secondary">
          ID {entry.id}
        </Typography>
      </Box>
      <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }} role="group" aria-label="Association labels">
        {labels.map((l) => (
          <Chip key={l} size="small" label={l} variant="outlined" />
        ))}
        {pinnedHere && <Chip size="small" color="primary" icon={<PushPinIcon />} label="Pinned" />}
      </Stack>
      <Stack direction="row" spacing={0.5}>
        <Tooltip title={pinnedHere ? 'Unpin this call from the record' : pin.kind === 'other' ? 'Pin this call instead of the pinned activity' : 'Pin this call on the record'}>
          <span>
            <Button
              size="small"
              onClick={onPin}
              disabled={busy || !entry.record}
              startIcon={pinnedHere ? <PushPinIcon /> : <PushPinOutlinedIcon />}
              aria-label={pinnedHere ? `Unpin from ${name}` : `Pin on ${name}`}
            >
              {pinnedHere ? 'Unpin' : 'Pin'}
            </Button>
          </span>
        </Tooltip>
        <Tooltip title="Remove association">
          <span>
            <IconButton size="small" onClick={onRemove} disabled={busy} aria-label={`Remove ${name}`}>
              <DeleteOutlinedIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
      </Stack>
    </ListItem>
  );
}

function AddAssociationsDialog({
  excludeKeys,
  onCancel,
  onConfirm,
}: {
  excludeKeys: ReadonlySet<string>;
  onCancel: () => void;
  onConfirm: (picks: PickedRecord[]) => void;
}) {
  const titleId = useId();
  const [picks, setPicks] = useState<PickedRecord[]>([]);
  return (
    <Dialog open onClose={onCancel} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Associate records with this call</DialogTitle>
      <DialogContent>
        <Box sx={{ pt: 1 }}>
          <AssociationPicker value={picks} onChange={setPicks} excludeKeys={excludeKeys} autoFocus />
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="contained" disabled={picks.length === 0} onClick={() => onConfirm(picks)}>
          {picks.length > 1 ? `Associate ${picks.length} records` : 'Associate'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function ReplacePinDialog({ pending, onCancel, onConfirm }: { pending: PendingPin; onCancel: () => void; onConfirm: () => void }) {
  const current = useQuery(associationQueries.pinnedCall(pending.replaces));
  const name = entryName(pending.entry);
  let what: string;
  if (current.isPending) what = `activity ${pending.replaces}`;
  else if (current.data) {
    const title = current.data.properties.hs_call_title?.trim();
    what = title ? `the call “${title}” (ID ${pending.replaces})` : `the call with ID ${pending.replaces}`;
  } else if (isNotFound(current.error)) what = `another activity (ID ${pending.replaces}, not a call this console can read)`;
  else what = `activity ${pending.replaces}`;
  return (
    <ConfirmDialog
      open
      title="Replace the pinned activity?"
      message={`${name} already pins ${what}. A record pins one activity: pinning this call replaces it.`}
      confirmLabel="Replace pin"
      busy={current.isPending}
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}
