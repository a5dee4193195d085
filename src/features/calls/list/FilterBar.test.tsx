import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import CallListPage from './CallListPage';
// The panel is loaded lazily when opened; loaded here, it opens at once (a cold transform can take seconds on a busy machine).
import './FiltersPanel';

/** The filters on the real list page (its URL is the view), against the HubSpot fake. */

const BUSY = '9d9162e7-6cf3-4944-bf63-4dff82258764';

let hs: HubSpotFake;
beforeEach(() => {
  hs = installHubSpot();
});
afterEach(() => {
  vi.restoreAllMocks();
  uninstallHubSpot(hs);
});

const url = () => new URLSearchParams(window.location.search);

function renderList(route: string) {
  const pushed = vi.spyOn(window.history, 'pushState');
  renderWithProviders(<CallListPage />, { route });
  return {
    user: userEvent.setup({ delay: null }),
    /** The `from` of every URL the list pushed, in order. */
    pushedFroms: () => pushed.mock.calls.map((c) => new URL(String(c[2]), window.location.href).searchParams.get('from')),
  };
}

async function openFilters(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: /^Filters/ }));
  return within(await screen.findByRole('group', { name: 'Filters' }));
}

/** The panel as it is now (Clear all starts it afresh). */
const panelNow = () => within(screen.getByRole('group', { name: 'Filters' }));

/** What a select shows (MUI pads an empty one with a zero-width space). */
const shown = (el: HTMLElement) => (el.textContent ?? '').replace(/\u200b/g, '').trim();

/** Chromium's change events while `11012026` is typed into an en-US date field: the year goes 0002, 0020, 0202, 2026. */
const TYPING_11012026 = ['0002-11-01', '0020-11-01', '0202-11-01', '2026-11-01'];

// The whole page renders in jsdom: slow on a busy machine, so allow more than the default 5 s.
describe('list filters', { timeout: 60_000 }, () => {
  it('typing 11012026 into From filters from 1 Nov 2026, and never by the years on the way', async () => {
    const { user, pushedFroms } = renderList('/calls');
    const panel = await openFilters(user);
    const from = panel.getByLabelText('From');
    for (const value of TYPING_11012026) fireEvent.change(from, { target: { value } });
    await waitFor(() => expect(url().get('from')).toBe('2026-11-01'));
    expect(pushedFroms().filter(Boolean)).toEqual(['2026-11-01']);
    expect(from).toHaveValue('2026-11-01');
    expect(screen.getByRole('button', { name: 'Remove From: 2026-11-01' })).toBeInTheDocument();
  });

  it('a half-typed date changes nothing; leaving the field says what is missing', async () => {
    const { user, pushedFroms } = renderList('/calls');
    const panel = await openFilters(user);
    const from = panel.getByLabelText('From');
    fireEvent.focus(from);
    fireEvent.change(from, { target: { value: '0002-11-01' } });
    fireEvent.change(from, { target: { value: '0020-11-01' } });
    expect(panel.queryByText(/Enter a whole date/)).not.toBeInTheDocument();
    fireEvent.blur(from);
    expect(await panel.findByText(/Enter a whole date/)).toBeInTheDocument();
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(from).toHaveValue('0020-11-01');
    expect(url().has('from')).toBe(false);
    expect(pushedFroms().filter(Boolean)).toEqual([]);
  });

  it('From after To is an error on From, and the list stays as it was; moving To commits both', async () => {
    await hs.create('calls', { hs_call_title: 'September call', hs_timestamp: '2026-09-15T10:00:00.000Z' });
    const { user } = renderList('/calls?to=2026-10-01');
    expect(await screen.findByText('1 call matches.')).toBeInTheDocument();
    const panel = await openFilters(user);
    fireEvent.change(panel.getByLabelText('From'), { target: { value: '2026-11-01' } });
    expect(panel.getByText('From must not be after To')).toBeInTheDocument();
    expect(panel.getByLabelText('From')).toHaveAttribute('aria-invalid', 'true');
    expect(url().toString()).toBe('to=2026-10-01');
    expect(screen.getByText('1 call matches.')).toBeInTheDocument();

    fireEvent.change(panel.getByLabelText('To'), { target: { value: '2026-12-01' } });
    await waitFor(() => expect(url().toString()).toBe('from=2026-11-01&to=2026-12-01'));
    expect(panel.queryByText('From must not be after To')).not.toBeInTheDocument();
    expect(await screen.findByText('No calls match')).toBeInTheDocument();
  });

  it('Clear all leaves every filter control empty, the record type too', async () => {
    const company = await hs.create('companies', { name: 'Acme Corp' });
    const owners = await hs.api<{ results: { id: string }[] }>('GET', hs.paths.owners());
    const owner = owners.body.results[0]!.id;
    const { user } = renderList(
      `/calls?outcome=${BUSY}&direction=INBOUND&status=COMPLETED&owner=${owner}&from=2026-01-01&to=2026-06-30&recording=with&record=companies:${company}`,
    );
    await openFilters(user);
    const control = (name: string) => panelNow().getByRole('combobox', { name });
    await waitFor(() => expect(shown(control('Outcome'))).toBe('Busy'));
    await waitFor(() => expect(shown(control('Direction'))).not.toBe(''));
    expect(shown(control('Record type'))).toBe('Company');
    expect(await panelNow().findByDisplayValue('Acme Corp')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(window.location.search).toBe(''));
    for (const name of ['Outcome', 'Direction', 'Status', 'Owner', 'Recording']) expect(shown(control(name)), name).toBe('');
    expect(panelNow().getByLabelText('From')).toHaveValue('');
    expect(panelNow().getByLabelText('To')).toHaveValue('');
    expect(shown(control('Record type'))).toBe('Contact');
    expect(control('Associated contact')).toHaveValue('');

    // A record type picked, with nothing chosen yet, is cleared as well.
    await user.click(control('Record type'));
    await user.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'Deal' }));
    await user.click(control('Recording'));
    await user.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'No recording' }));
    await waitFor(() => expect(url().get('recording')).toBe('without'));
    expect(shown(control('Record type'))).toBe('Deal');
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(window.location.search).toBe(''));
    expect(shown(control('Record type'))).toBe('Contact');
    expect(shown(control('Recording'))).toBe('');
  });
});
