import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { metadataQueries } from '../../../api/metadata-queries';
import type { HubSpotObject } from '../../../api/schemas';
import { hubspotError, installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import { dispositionLabels, outcomeLabel } from '../call-properties';
import { callQueries } from '../calls-queries';
import { OutcomeMenu } from '../list/OutcomeMenu';
import { OutcomeSaveStatus } from './OutcomeSaveStatus';
import { RecentChanges } from './RecentChanges';
import { useOutcomeEdit } from './useOutcomeEdit';

/**
 * Quick outcome changes as the call list makes them (OutcomeMenu → useOutcomeEdit → useUpdateCall), with each
 * row's confirmation and the recent changes' undo, against the HubSpot fake. The grid itself is left out: rows
 * are list items here.
 */

const BUSY = '9d9162e7-6cf3-4944-bf63-4dff82258764';
const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const NO_ANSWER = '73a0d17f-1163-4015-bdd5-ec830791da20';
const WRONG_NUMBER = '17b47fee-58de-441e-a44c-c6300d46f273';

function Rows() {
  const { data } = useQuery(callQueries.list({ pageSize: 10 }));
  const dispositions = useQuery(metadataQueries.dispositions()).data;
  const labels = dispositionLabels(dispositions);
  const labelOf = useCallback((guid: string) => outcomeLabel(guid, labels)?.label ?? '', [labels]);
  const edit = useOutcomeEdit(labelOf);
  const [target, setTarget] = useState<{ call: HubSpotObject; anchor: HTMLElement } | null>(null);
  return (
    <>
      <RecentChanges />
      <input aria-label="Notes" />
      <ul aria-label="Calls">
        {data?.results.map((call) => {
          const title = call.properties.hs_call_title ?? '';
          return (
            <li key={call.id} aria-label={title}>
              <span data-testid="outcome">{outcomeLabel(call.properties.hs_call_disposition, labels)?.label ?? '—'}</span>
              <OutcomeSaveStatus callId={call.id} />
              <button type="button" onClick={(e) => setTarget({ call, anchor: e.currentTarget })}>
                Change outcome of {title}
              </button>
            </li>
          );
        })}
      </ul>
      <OutcomeMenu target={target} dispositions={dispositions} onPick={edit} onClose={() => setTarget(null)} />
    </>
  );
}

let hs: HubSpotFake;
const ids: Record<string, string> = {};
beforeEach(async () => {
  hs = installHubSpot();
  ids.a = await hs.create('calls', { hs_call_title: 'Call A', hs_timestamp: '2026-07-01T09:00:00.000Z', hs_call_disposition: CONNECTED });
  ids.b = await hs.create('calls', { hs_call_title: 'Call B', hs_timestamp: '2026-07-01T09:01:00.000Z', hs_call_disposition: NO_ANSWER });
  ids.c = await hs.create('calls', { hs_call_title: 'Call C', hs_timestamp: '2026-07-01T09:02:00.000Z', hs_call_disposition: BUSY });
});
afterEach(() => uninstallHubSpot(hs));

const patchOf = (id: string) => new RegExp(`/calls/${id}$`);
const row = (title: string) => screen.getByRole('listitem', { name: title });
const outcomeIn = (title: string) => within(row(title)).getByTestId('outcome');
const stored = async (id: string) => (await hs.read('calls', id, ['hs_call_disposition'])).hs_call_disposition ?? '';

async function pick(title: string, outcome: string) {
  fireEvent.click(screen.getByRole('button', { name: `Change outcome of ${title}` }));
  fireEvent.click(await screen.findByRole('menuitemradio', { name: outcome }));
  await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
}

async function openRecentChanges() {
  fireEvent.click(screen.getByRole('button', { name: /^Recent changes/ }));
  return screen.findByRole('dialog', { name: 'Recent changes' });
}

async function renderRows() {
  const view = renderWithProviders(<Rows />);
  expect(await screen.findByRole('listitem', { name: 'Call C' })).toBeInTheDocument();
  await waitFor(() => expect(outcomeIn('Call C')).toHaveTextContent('Busy'));
  return view;
}

describe('quick outcome changes', () => {
  it('confirms each change in its own row and to screen readers as it is saved, without waiting for the others', async () => {
    await renderRows();
    const slowA = hs.hold('PATCH', patchOf(ids.a!));
    await pick('Call A', 'Busy');
    await slowA.reached;
    await pick('Call B', 'Connected');

    // B is saved while A is still on its way: B says so at once.
    expect(await within(row('Call B')).findByRole('img', { name: 'Saved' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Outcome of “Call B” set to Connected.');
    expect(within(row('Call A')).getByRole('progressbar', { name: 'Saving…' })).toBeInTheDocument();
    expect(outcomeIn('Call A')).toHaveTextContent('Busy');

    slowA.release();
    expect(await within(row('Call A')).findByRole('img', { name: 'Saved' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Outcome of “Call A” set to Busy.');
    expect(await stored(ids.a!)).toBe(BUSY);
    expect(await stored(ids.b!)).toBe(CONNECTED);
  });

  it('puts back only the refused row, says why, and undoes the others in any order', async () => {
    await renderRows();
    const saveA = hs.hold('PATCH', patchOf(ids.a!));
    const saveB = hs.hold('PATCH', patchOf(ids.b!));
    const saveC = hs.hold('PATCH', patchOf(ids.c!));
    hs.fail('PATCH', patchOf(ids.b!), 400, hubspotError('Property values were not valid'));
    await pick('Call A', 'Wrong number');
    await pick('Call B', 'Busy');
    await pick('Call C', 'Connected');
    await Promise.all([saveA.reached, saveB.reached, saveC.reached]);

    saveB.release();
    expect(await screen.findByText(/^Outcome of “Call B” was not changed: Property values were not valid/)).toBeInTheDocument();
    await waitFor(() => expect(outcomeIn('Call B')).toHaveTextContent('No answer'));
    expect(within(row('Call B')).getByRole('img', { name: /^Not saved: Property values were not valid/ })).toBeInTheDocument();
    // The other rows, still saving, keep their new outcome.
    expect(outcomeIn('Call A')).toHaveTextContent('Wrong number');
    expect(outcomeIn('Call C')).toHaveTextContent('Connected');

    saveA.release();
    saveC.release();
    await within(row('Call A')).findByRole('img', { name: 'Saved' });
    await within(row('Call C')).findByRole('img', { name: 'Saved' });
    expect(await stored(ids.a!)).toBe(WRONG_NUMBER);
    expect(await stored(ids.b!)).toBe(NO_ANSWER);

    const recent = await openRecentChanges();
    expect(within(recent).getByText(/No answer → Busy · Not saved: Property values were not valid/)).toBeInTheDocument();
    fireEvent.click(within(recent).getByRole('button', { name: 'Undo Call C: Busy → Connected' }));
    await waitFor(() => expect(within(recent).getByText(/Busy → Connected · Undone/)).toBeInTheDocument());
    fireEvent.click(within(recent).getByRole('button', { name: 'Undo Call A: Connected → Wrong number' }));
    await waitFor(() => expect(within(recent).getByText(/Connected → Wrong number · Undone/)).toBeInTheDocument());

    expect(await stored(ids.a!)).toBe(CONNECTED);
    expect(await stored(ids.b!)).toBe(NO_ANSWER);
    expect(await stored(ids.c!)).toBe(BUSY);
    fireEvent.keyDown(recent, { key: 'Escape' });
    await waitFor(() => expect(outcomeIn('Call A')).toHaveTextContent('Connected'));
    expect(outcomeIn('Call C')).toHaveTextContent('Busy');
    expect(within(row('Call A')).getByRole('img', { name: 'Undone' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Outcome of “Call A” restored to Connected.');
  });

  it('undoes two changes of one row newest first; the older waits until the newer is undone', async () => {
    await renderRows();
    await pick('Call A', 'Busy');
    await within(row('Call A')).findByRole('img', { name: 'Saved' });
    await pick('Call A', 'Wrong number');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Outcome of “Call A” set to Wrong number.'));

    const recent = await openRecentChanges();
    const older = within(recent).getByRole('button', { name: 'Undo Call A: Connected → Busy' });
    expect(older).toBeDisabled();
    expect(within(recent).getByText(/changed again since/)).toBeInTheDocument();
    fireEvent.click(within(recent).getByRole('button', { name: 'Undo Call A: Busy → Wrong number' }));
    await waitFor(() => expect(within(recent).getByRole('button', { name: 'Undo Call A: Connected → Busy' })).toBeEnabled());
    expect(await stored(ids.a!)).toBe(BUSY);
    fireEvent.click(within(recent).getByRole('button', { name: 'Undo Call A: Connected → Busy' }));
    await waitFor(() => expect(within(recent).getByText(/Connected → Busy · Undone/)).toBeInTheDocument());
    expect(await stored(ids.a!)).toBe(CONNECTED);
  });

  it('Ctrl+Z undoes the last change, even one still saving, but not while typing in a field', async () => {
    await renderRows();
    await pick('Call B', 'Wrong number');
    await within(row('Call B')).findByRole('img', { name: 'Saved' });
    const slowC = hs.hold('PATCH', patchOf(ids.c!));
    await pick('Call C', 'No answer');
    await slowC.reached;

    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Notes' }), { key: 'z', ctrlKey: true });
    expect(within(row('Call C')).getByRole('progressbar', { name: 'Saving…' })).toBeInTheDocument();
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(await within(row('Call C')).findByRole('progressbar', { name: 'Undoing…' })).toBeInTheDocument();
    slowC.release();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Outcome of “Call C” restored to Busy.'));
    expect(outcomeIn('Call C')).toHaveTextContent('Busy');
    expect(await stored(ids.c!)).toBe(BUSY);

    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Outcome of “Call B” restored to No answer.'));
    expect(await stored(ids.b!)).toBe(NO_ANSWER);
    expect(outcomeIn('Call B')).toHaveTextContent('No answer');
  });
});
