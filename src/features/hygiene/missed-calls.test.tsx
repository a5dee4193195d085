/**
 * The missed-calls queue's Call back and Mark handled on the calls selected in its grid, over the real
 * /api/hygiene and /api/journal and the HubSpot mock.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { renderWithProviders } from '../../test/render';
import QueuePage from './QueuePage';

/** The queue is read again after each change (and the page's calls from HubSpot): give a busy machine time. */
const SLOW = { timeout: 5000 };

let hs: HubSpotFake;
const ids: Record<string, string> = {};

const missed = (title: string, from: string, timestamp: string) =>
  hs.create('calls', { hs_call_title: title, hs_timestamp: timestamp, hs_call_direction: 'INBOUND', hs_call_status: 'NO_ANSWER', hs_call_from_number: from, hs_call_to_number: '+14155550100' });

beforeEach(async () => {
  hs = installHubSpot();
  ids.ada = await missed('Missed call from Ada', '+1 (617) 822-4480', '2026-07-01T09:00:00.000Z');
  ids.bob = await missed('Missed call from Bob', '+44 20 7946 0018', '2026-07-02T09:00:00.000Z');
  ids.nobody = await missed('Missed call, number withheld', 'anonymous', '2026-07-03T09:00:00.000Z');
  // Bob was called back the next day: not in the queue.
  ids.bobBack = await hs.create('calls', { hs_call_title: 'Call back Bob', hs_timestamp: '2026-07-03T10:00:00.000Z', hs_call_direction: 'OUTBOUND', hs_call_status: 'COMPLETED', hs_call_to_number: '+442079460018' });
  await hs.fetch('/api/hygiene/scan', { method: 'POST' });
  await hs.scanner?.settled();
});
afterEach(() => uninstallHubSpot(hs));

async function openQueue() {
  renderWithProviders(<QueuePage />, { route: '/attention/missed-no-callback', params: { queue: 'missed-no-callback' } });
  return screen.findByRole('grid', { name: 'Calls' }, { timeout: 5000 });
}

const rowOf = (grid: HTMLElement, id: string | undefined) => {
  const row = grid.querySelector<HTMLElement>(`[role="row"][data-id="${id}"]`);
  if (!row) throw new Error(`no row for call ${id}`);
  return row;
};
const shownIds = (grid: HTMLElement) => [...grid.querySelectorAll<HTMLElement>('[role="row"][data-id]')].map((r) => r.dataset.id);
const selected = () => screen.getByRole('group', { name: 'Selected calls' });

/** Ticks the rows of `calls` in the grid, once they show. */
async function select(grid: HTMLElement, ...calls: (string | undefined)[]) {
  const user = userEvent.setup();
  for (const id of calls) await user.click(within(await waitFor(() => rowOf(grid, id), SLOW)).getByRole('checkbox'));
}

async function handledIds(): Promise<string[]> {
  const res = await hs.fetch('/api/journal/handled');
  return ((await res.json()) as { results: { callId: string }[] }).results.map((m) => m.callId);
}

describe('Missed calls with no call back', () => {
  it('offers Call back as a tel: link to the caller’s number in E.164, and says so when there is no number', async () => {
    const grid = await openQueue();
    await waitFor(() => expect(shownIds(grid).sort()).toEqual([ids.ada, ids.nobody].sort()), SLOW);
    expect(screen.getByText('Select calls in the list to call back or mark them handled.')).toBeInTheDocument();
    await select(grid, ids.ada);
    const call = await within(selected()).findByRole('link', { name: 'Call back +1 617 822 4480' }, SLOW);
    expect(call).toHaveAttribute('href', 'tel:+16178224480');
    expect(call).toHaveTextContent('Call back +1 617 822 4480');
    await select(grid, ids.nobody);
    expect(within(selected()).queryByRole('link', { name: /^Call back/ })).not.toBeInTheDocument();
    expect(within(selected()).getByText('Select one call to call back.')).toBeInTheDocument();
    await select(grid, ids.ada);
    expect(await within(selected()).findByText('This call has no valid number to call back.', {}, SLOW)).toBeInTheDocument();
    // Following the link logs nothing: no request is made by rendering it.
    expect(hs.requests.filter((r) => r.method !== 'GET' && !/\/(search|batch\/read)$/.test(r.path) && r.path !== '/api/hygiene/scan')).toEqual([]);
  });

  it('marks a call handled from the keyboard: it leaves the list and the count, and Undo brings it back', async () => {
    const user = userEvent.setup();
    const grid = await openQueue();
    expect(await screen.findByText(/^From the scan of .*: 2 calls\.$/)).toBeInTheDocument();
    await select(grid, ids.ada);
    (await within(selected()).findByRole('button', { name: 'Mark handled: Missed call from Ada' }, SLOW)).focus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(shownIds(grid)).toEqual([ids.nobody]), SLOW);
    expect(screen.getByText(/^From the scan of .*: 1 call\.$/)).toBeInTheDocument();
    const notice = within(screen.getByRole('region', { name: 'Marked handled' })).getByRole('status');
    expect(notice).toHaveTextContent('Marked “Missed call from Ada” handled.');
    expect(notice).toHaveFocus();
    expect(await handledIds()).toEqual([ids.ada]);

    await user.tab();
    expect(screen.getByRole('button', { name: 'Undo: Missed call from Ada marked handled' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(shownIds(grid).sort()).toEqual([ids.ada, ids.nobody].sort()), SLOW);
    expect(screen.getByText(/^From the scan of .*: 2 calls\.$/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Marked handled' })).not.toBeInTheDocument(), SLOW);
    expect(await handledIds()).toEqual([]);
  });

  it('shows the server’s refusal beside the button and keeps the call in the queue', async () => {
    const user = userEvent.setup();
    vi.stubGlobal('fetch', async (input: string | URL | Request, init?: RequestInit) => {
      if (String(input) === '/api/journal/handled' && init?.method === 'POST') {
        return Response.json({ status: 'error', message: 'The journal is read-only just now.', category: 'SERVICE_UNAVAILABLE', correlationId: 'c0ffee00-0000-4000-8000-0000000000aa' }, { status: 503 });
      }
      return hs.fetch(input, init);
    });
    const grid = await openQueue();
    await select(grid, ids.ada);
    const button = await within(selected()).findByRole('button', { name: 'Mark handled: Missed call from Ada' }, SLOW);
    await user.click(button);
    const alert = await within(selected()).findByRole('alert');
    expect(alert).toHaveTextContent('Not marked: The journal is read-only just now. (correlation ID c0ffee00-0000-4000-8000-0000000000aa)');
    expect(button).toBeEnabled();
    expect(button).toHaveAccessibleDescription(/The journal is read-only just now/);
    expect(shownIds(grid).sort()).toEqual([ids.ada, ids.nobody].sort());
    expect(await handledIds()).toEqual([]);
  });

  it('shows a failed Undo in its confirmation, keeps the mark, and Undo can be tried again', async () => {
    const user = userEvent.setup();
    let refuse = true;
    vi.stubGlobal('fetch', async (input: string | URL | Request, init?: RequestInit) => {
      if (refuse && String(input).startsWith('/api/journal/handled/') && init?.method === 'DELETE') {
        refuse = false;
        return Response.json({ status: 'error', message: 'The journal is read-only just now.', category: 'SERVICE_UNAVAILABLE', correlationId: 'c0ffee00-0000-4000-8000-0000000000bb' }, { status: 503 });
      }
      return hs.fetch(input, init);
    });
    const grid = await openQueue();
    await select(grid, ids.ada);
    await user.click(await within(selected()).findByRole('button', { name: 'Mark handled: Missed call from Ada' }, SLOW));
    await waitFor(() => expect(shownIds(grid)).toEqual([ids.nobody]), SLOW);
    const undo = screen.getByRole('button', { name: 'Undo: Missed call from Ada marked handled' });
    await user.click(undo);
    const notice = screen.getByRole('region', { name: 'Marked handled' });
    expect(await within(notice).findByRole('alert')).toHaveTextContent('Not undone: The journal is read-only just now. (correlation ID c0ffee00-0000-4000-8000-0000000000bb)');
    expect(shownIds(grid)).toEqual([ids.nobody]);
    expect(await handledIds()).toEqual([ids.ada]);

    await user.click(undo);
    await waitFor(() => expect(shownIds(grid).sort()).toEqual([ids.ada, ids.nobody].sort()), SLOW);
    expect(await handledIds()).toEqual([]);
  });
});
