/**
 * The call page's triage bar: the call's place in the list the user came from ("12 of 348"), previous and
 * next call (K / J, across the list's pages), the account's outcomes with their hotkeys 1–9, "Save and next",
 * the recent changes with their undo, the shortcuts, and the way back to the list (Esc).
 */
import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import { metadataQueries } from '../../../api/metadata-queries';
import type { HubSpotObject } from '../../../api/schemas';
import { navigate } from '../../../lib/router';
import { useShortcuts } from '../../../lib/useShortcuts';
import { dispositionLabels, outcomeLabel } from '../call-properties';
import { formatCount } from '../list/counts';
import { lastListUrl } from '../shared/list-return';
import { OutcomeSaveStatus } from '../shared/OutcomeSaveStatus';
import { RecentChanges } from '../shared/RecentChanges';
import { ShortcutsHelp } from '../shared/ShortcutsHelp';
import { outcomeChoices, useOutcomeEdit } from '../shared/useOutcomeEdit';
import { useTriage } from './useTriage';

const ADVANCE_STORAGE_KEY = 'calls-admin:triage-save-and-next';

function loadAdvance(): boolean {
  try {
    return localStorage.getItem(ADVANCE_STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}

function saveAdvance(on: boolean) {
  try {
    localStorage.setItem(ADVANCE_STORAGE_KEY, String(on));
  } catch {
    // The choice then lasts for this page only.
  }
}

/** One bar per call: its place in the list is worked out afresh for each call. */
export function TriageBar({ call }: { call: HubSpotObject }) {
  return <Triage key={call.id} call={call} />;
}

function Triage({ call }: { call: HubSpotObject }) {
  const place = useTriage(call.id);
  const dispositions = useQuery(metadataQueries.dispositions()).data;
  const choices = outcomeChoices(dispositions);
  const labels = dispositionLabels(dispositions);
  const labelOf = useCallback((guid: string) => outcomeLabel(guid, labels)?.label ?? '', [labels]);
  const edit = useOutcomeEdit(labelOf);
  const [advance, setAdvance] = useState(loadAdvance);
  const current = call.properties.hs_call_disposition ?? '';
  const { move } = place;

  const choose = (guid: string) => {
    edit(call, guid);
    if (advance) void move(1);
  };
  const shortcuts: Record<string, () => void> = {
    j: () => void move(1),
    k: () => void move(-1),
    Escape: () => navigate(lastListUrl()),
  };
  choices.slice(0, 9).forEach((d, i) => {
    shortcuts[String(i + 1)] = () => choose(d.id);
  });
  useShortcuts(shortcuts);

  let where = 'Open calls from the list to move through them with J and K.';
  if (place.fromList) {
    if (place.position === undefined) where = 'This call is not on the list page you came from.';
    else {
      where = `${formatCount(place.position)}${place.total !== undefined ? ` of ${formatCount(place.total)}` : ''}`;
      if (place.leftView) where += ' · no longer in the list’s view';
    }
  }

  return (
    <Paper variant="outlined" component="section" aria-label="Triage" sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Button startIcon={<NavigateBeforeIcon />} onClick={() => void move(-1)} disabled={!place.canPrevious} aria-keyshortcuts="K">
          Previous call
        </Button>
        <Button endIcon={<NavigateNextIcon />} onClick={() => void move(1)} disabled={!place.canNext} aria-keyshortcuts="J">
          Next call
        </Button>
        <Typography variant="body2" color="text.secondary" aria-live="polite">
          {where}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <RecentChanges />
        <ShortcutsHelp />
        <Button startIcon={<CloseIcon />} onClick={() => navigate(lastListUrl())} aria-keyshortcuts="Escape">
          Close triage
        </Button>
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="body2" id="triage-outcome-label">
          Outcome
        </Typography>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={current}
          onChange={(_e, guid: string | null) => {
            if (guid && guid !== current) choose(guid);
          }}
          aria-labelledby="triage-outcome-label"
          sx={{ flexWrap: 'wrap' }}
        >
          {choices.map((d, i) => (
            <ToggleButton key={d.id} value={d.id} aria-keyshortcuts={i < 9 ? String(i + 1) : undefined} sx={{ textTransform: 'none', gap: 0.75 }}>
              {i < 9 && (
                <Box component="kbd" aria-hidden sx={{ fontFamily: 'inherit', typography: 'caption', color: 'text.secondary' }}>
                  {i + 1}
                </Box>
              )}
              {d.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <OutcomeSaveStatus callId={call.id} withText />
        <FormControlLabel
          control={
            <Switch
              checked={advance}
              onChange={(e) => {
                setAdvance(e.target.checked);
                saveAdvance(e.target.checked);
              }}
            />
          }
          label="Save and next"
          title="After choosing an outcome, open the next call"
        />
      </Box>
    </Paper>
  );
}
