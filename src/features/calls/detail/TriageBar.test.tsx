import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import { useLocation } from '../../../lib/router';
import { CallQueryGate } from '../shared/CallQueryGate';
import { lastListUrl, listFocus, rememberListUrl } from '../shared/list-return';
import { TriageBar } from './TriageBar';

/** The call page's triage bar on a call loaded like the call page loads it, against the HubSpot fake. */

const BUSY = '9d9162e7-6cf3-4944-bf63-4dff82258764';
const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const NO_ANSWER = '73a0d17f-1163-4015-bdd5-ec830791da20';

/** The call page reduced to its title and the triage bar: the call id comes from the address, as on the real page. */
function CallPage() {
  const id = useLocation().pathname.split('/')[2] ?? '';
  return (
    <CallQueryGate id={id}>
      {(call) => (
        <>
          <h1>{call.properties.hs_call_title}</h1>
          <TriageBar call={call} />
        </>
      )}
    </CallQueryGate>
  );
}

let hs: HubSpotFake;
let ids: string[];
beforeEach(async () => {
  hs = installHubSpot();
  ids = [];
  for (let i = 0; i < 12; i++) {
    const n = String(i).padStart(2, '0');
    ids.push(await hs.create('calls', { hs_call_title: `Call ${n}`, hs_timestamp: `2026-07-01T09:${n}:00.000Z`, hs_call_disposition: CONNECTED }));
  }
});
afterEach(() => {
  uninstallHubSpot(hs);
  sessionStorage.clear();
  localStorage.clear();
});

const bar = () => screen.getByRole('region', { name: 'Triage' });
const heading = (name: string) => screen.findByRole('heading', { level: 1, name });
const press = (key: string) => act(() => void fireEvent.keyDown(document.body, { key }));
const stored = async (id: string) => (await hs.read('calls', id, ['hs_call_disposition'])).hs_call_disposition;
/** The hotkey the bar shows beside an outcome. */
const hotkeyOf = async (label: string) => (await within(bar()).findByRole('button', { name: label })).getAttribute('aria-keyshortcuts') ?? '';

describe('triage on the call page', () => {
  it('moves with J and K through the list the user came from, across its pages, and says where it is', async () => {
    rememberListUrl('/calls?size=10&sort=title');
    renderWithProviders(<CallPage />, { route: `/calls/${ids[8]}` });
    await heading('Call 08');
    expect(await within(bar()).findByText('9 of 12')).toBeInTheDocument();

    press('j');
    await heading('Call 09');
    expect(await within(bar()).findByText('10 of 12')).toBeInTheDocument();
    press('j');
    await heading('Call 10');
    expect(await within(bar()).findByText('11 of 12')).toBeInTheDocument();
    expect(window.location.pathname).toBe(`/calls/${ids[10]}`);
    // "Open in list" and Back now lead to the second page, to this call's row.
    const secondPage = lastListUrl();
    expect(new URLSearchParams(secondPage.split('?')[1]).getAll('after')).toHaveLength(1);
    expect(listFocus()).toMatchObject({ callId: ids[10], listUrl: secondPage });

    press('k');
    await heading('Call 09');
    expect(lastListUrl()).toBe('/calls?sort=title&size=10');
    fireEvent.click(within(bar()).getByRole('button', { name: 'Previous call' }));
    await heading('Call 08');
  });

  it('sets the outcome with its hotkey, and with "Save and next" opens the next call', async () => {
    rememberListUrl('/calls?size=10&sort=title');
    renderWithProviders(<CallPage />, { route: `/calls/${ids[0]}` });
    await heading('Call 00');
    press(await hotkeyOf('Busy'));
    expect(await within(bar()).findByText('Saved')).toBeInTheDocument();
    expect(await stored(ids[0]!)).toBe(BUSY);
    expect(screen.getByRole('heading', { level: 1, name: 'Call 00' })).toBeInTheDocument();

    fireEvent.click(within(bar()).getByRole('switch', { name: 'Save and next' }));
    press(await hotkeyOf('No answer'));
    await heading('Call 01');
    await waitFor(async () => expect(await stored(ids[0]!)).toBe(NO_ANSWER));
    expect(await stored(ids[1]!)).toBe(CONNECTED);
  });

  it('after the outcome takes the call out of a filtered view, J opens the call that followed it', async () => {
    rememberListUrl(`/calls?size=10&sort=title&outcome=${CONNECTED}`);
    renderWithProviders(<CallPage />, { route: `/calls/${ids[3]}` });
    await heading('Call 03');
    expect(await within(bar()).findByText('4 of 12')).toBeInTheDocument();
    press(await hotkeyOf('Busy'));
    expect(await within(bar()).findByText('4 of 11 · no longer in the list’s view')).toBeInTheDocument();

    press('j');
    await heading('Call 04');
    expect(await within(bar()).findByText('4 of 11')).toBeInTheDocument();
    press('k');
    await heading('Call 02');
  });

  it('without a list to come from, offers the outcomes and says how to move', async () => {
    renderWithProviders(<CallPage />, { route: `/calls/${ids[5]}` });
    await heading('Call 05');
    expect(await within(bar()).findByText('Open calls from the list to move through them with J and K.')).toBeInTheDocument();
    expect(within(bar()).getByRole('button', { name: 'Next call' })).toBeDisabled();
    press('j');
    expect(screen.getByRole('heading', { level: 1, name: 'Call 05' })).toBeInTheDocument();
    expect(await within(bar()).findByRole('button', { name: 'Connected', pressed: true })).toBeInTheDocument();
  });
});
