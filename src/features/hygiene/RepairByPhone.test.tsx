/** "Repair by phone number" in the browser, over the HubSpot fake and our server's journal. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { renderWithProviders } from '../../test/render';
import { RepairByPhone } from './RepairByPhone';

let hs: HubSpotFake;
const ids: Record<string, string> = {};
const call = (title: string, direction: 'INBOUND' | 'OUTBOUND', counterpart: string) =>
  hs.create('calls', {
    hs_call_title: title,
    hs_timestamp: '2026-07-01T09:00:00.000Z',
    hs_call_direction: direction,
    hs_call_from_number: direction === 'INBOUND' ? counterpart : '+16175550000',
    hs_call_to_number: direction === 'INBOUND' ? '+16175550000' : counterpart,
  });

beforeEach(async () => {
  hs = installHubSpot();
  ids.ada = await hs.create('contacts', { firstname: 'Ada', lastname: 'Lovelace', phone: '+1 415 555 0100', mobilephone: '(415) 555-0123' });
  ids.grace = await hs.create('contacts', { firstname: 'Grace', lastname: 'Hopper', phone: '617.234.5678' });
  ids.frontDesk = await hs.create('contacts', { firstname: 'Front', lastname: 'Desk', phone: '(212) 555-0199' });
  ids.otherDesk = await hs.create('contacts', { firstname: 'Other', lastname: 'Desk', phone: '+12125550199' });
  ids.placeholder = await hs.create('contacts', { firstname: 'Caller', lastname: '+1 617-234-5678', phone: '+1 617-234-5678' });
  ids.onPlaceholder = await call('Call to +1 617-234-5678', 'OUTBOUND', '+1 617-234-5678');
  await hs.associate(ids.onPlaceholder, 'contacts', ids.placeholder);
  ids.inbound = await call('Inbound call from (415) 555-0123', 'INBOUND', '(415) 555-0123');
  ids.shared = await call('Call to the front desk', 'OUTBOUND', '212.555.0199');
  ids.unknown = await call('Call to a stranger', 'OUTBOUND', '+1 512 555 0177');
  ids.noNumber = await call('Call with a bad number', 'OUTBOUND', '12');
});
afterEach(() => uninstallHubSpot(hs));

async function open(callIds: string[]) {
  const user = userEvent.setup();
  renderWithProviders(<RepairByPhone queue="placeholder-contact" callIds={callIds} />, { route: '/attention/placeholder-contact' });
  await user.click(screen.getByRole('button', { name: `Find matches for ${callIds.length} calls` }));
  const region = await screen.findByRole('group', { name: `Call 1 of ${callIds.length}` }, { timeout: 5000 });
  return { user, region };
}

describe('Repair by phone number', () => {
  it('shows each call’s number and its matches with why, and says when there is none', async () => {
    await open([ids.onPlaceholder!, ids.inbound!, ids.shared!, ids.unknown!, ids.noNumber!]);
    expect(screen.getByText('5 calls: 2 with a single match, 1 with several, 1 with no match, 1 without a valid number.')).toBeInTheDocument();
    // the placeholder carries the number too, but is never proposed
    const matches = screen.getByRole('radiogroup', { name: 'Matches' });
    expect(within(matches).getAllByRole('radio')).toHaveLength(1);
    expect(within(matches).getByLabelText('Phone +1 617 234 5678 matches contact Grace Hopper’s phone')).toBeChecked();
    const list = screen.getByRole('table', { name: 'Calls to repair' });
    expect(within(list).getByText('1 match: contact Ada Lovelace')).toBeInTheDocument();
    expect(within(list).getByText('2 matches: contact Front Desk, contact Other Desk')).toBeInTheDocument();
    expect(within(list).getByText('No contact or company has this number.')).toBeInTheDocument();
    expect(within(list).getByText('“12” is not a valid phone number.')).toBeInTheDocument();
    expect(within(list).getByText('+15125550177')).toBeInTheDocument();
  });

  it('confirms with Enter, skips with S, picks with a digit, from the keyboard; HubSpot has the new associations', async () => {
    const { user } = await open([ids.onPlaceholder!, ids.shared!, ids.inbound!]);
    // Enter: the call leaves the placeholder for Grace, and the next call comes up
    await user.keyboard('{Enter}');
    const second = await screen.findByRole('group', { name: 'Call 2 of 3' }, { timeout: 5000 });
    expect(await hs.associatedIds(ids.onPlaceholder!, 'contacts')).toEqual([ids.grace]);
    expect(within(screen.getByRole('table', { name: 'Calls to repair' })).getByText('Repaired → contact Grace Hopper')).toBeInTheDocument();
    const last = screen.getByRole('region', { name: 'Last repair' });
    expect(within(last).getByRole('status', { name: 'Change report' })).toHaveTextContent('Applied to 1 call.');
    expect(within(last).getByRole('link', { name: 'Open in the journal to undo' })).toBeInTheDocument();
    // S: skip the shared line; K back to it, 2 picks the second desk, Enter confirms it
    expect(second).toHaveFocus();
    await user.keyboard('s');
    expect(await screen.findByRole('group', { name: 'Call 3 of 3' })).toBeInTheDocument();
    expect(await hs.associatedIds(ids.shared!, 'contacts')).toEqual([]);
    await user.keyboard('k');
    expect(screen.getByText('Skipped.')).toBeInTheDocument();
    await user.keyboard('2');
    expect(screen.getByLabelText('Phone +1 212 555 0199 matches contact Other Desk’s phone')).toBeChecked();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('group', { name: 'Call 3 of 3' })).toBeInTheDocument());
    expect(await hs.associatedIds(ids.shared!, 'contacts')).toEqual([ids.otherDesk]);
    // J past the end stays on the last call; the inbound call is still to do. A click on a call in the list brings it up, keys still work
    await user.keyboard('j');
    await user.click(screen.getByRole('button', { name: 'Call to the front desk' }));
    expect(screen.getByRole('group', { name: 'Call 2 of 3' })).toHaveFocus();
    await user.keyboard('j');
    expect(screen.getByRole('group', { name: 'Call 3 of 3' })).toHaveFocus();
    expect(await hs.associatedIds(ids.inbound!, 'contacts')).toEqual([]);
  });

  it('repairs every call with a single match at once, after a preview, with a per-call report', async () => {
    const { user } = await open([ids.onPlaceholder!, ids.inbound!, ids.shared!, ids.unknown!]);
    await user.click(screen.getByRole('button', { name: 'Repair all 2 calls with a single unambiguous match' }));
    const dialog = await screen.findByRole('dialog', { name: 'Repair 2 calls with a single match' });
    const preview = within(dialog).getByRole('list', { name: 'Calls and their matches' });
    expect(within(preview).getByText('Call to +1 617-234-5678 (+16172345678): Placeholder contact → contact Grace Hopper')).toBeInTheDocument();
    expect(within(preview).getByText('Inbound call from (415) 555-0123 (+14155550123): + contact Ada Lovelace')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Repair 2 calls' }));
    const report = await within(dialog).findByRole('status', { name: 'Change report' }, { timeout: 5000 });
    expect(report).toHaveTextContent('Applied to 2 calls.');
    expect(within(report).getByRole('link', { name: 'Open in the journal to undo' })).toHaveAttribute('href', expect.stringMatching(/^\/journal\/\S+$/));
    expect(await hs.associatedIds(ids.onPlaceholder!, 'contacts')).toEqual([ids.grace]);
    expect(await hs.associatedIds(ids.inbound!, 'contacts')).toEqual([ids.ada]);
    expect(await hs.associatedIds(ids.shared!, 'contacts')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('button', { name: 'Repair all 0 calls with a single unambiguous match' })).toBeDisabled();
    expect(screen.getByText('A repaired call stays in this queue until the next scan; its count changes then.')).toBeInTheDocument();
  });

  it('says why HubSpot refused a repair, on the call, and keeps the call and the chosen match to try again', async () => {
    const { user } = await open([ids.shared!, ids.inbound!]);
    hs.fail('POST', hs.paths.associationBatchWrite('calls', 'contacts', 'create'), 403, {
      status: 'error',
      message: 'This app lacks the crm.objects.contacts.write scope.',
      category: 'MISSING_SCOPES',
      correlationId: 'c0ffee00-0000-4000-8000-000000000042',
    }, { times: 5 });
    await user.keyboard('2{Enter}');
    const region = screen.getByRole('group', { name: 'Call 1 of 2' });
    expect(await within(region).findByText(/^Not repaired: .*crm\.objects\.contacts\.write scope/, undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(within(region).getByLabelText('Phone +1 212 555 0199 matches contact Other Desk’s phone')).toBeChecked();
    expect(await hs.associatedIds(ids.shared!, 'contacts')).toEqual([]);
  });

  it('looks numbers up in a few searches, not one per call', async () => {
    await open([ids.onPlaceholder!, ids.inbound!, ids.shared!, ids.unknown!, ids.noNumber!]);
    const searches = hs.hubspotRequests().filter((r) => r.startsWith('POST') && r.includes('/search'));
    // one for the calls by id, one for contacts, one for companies
    expect(searches).toHaveLength(3);
  });
});
