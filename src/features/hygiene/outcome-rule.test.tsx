/** Outcome rules over the HubSpot fake: validation on the field, the dry run's figures, and the outcomes HubSpot has afterwards. */
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubspotError, installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { renderWithProviders } from '../../test/render';
import AttentionPage from './AttentionPage';
import QueuePage from './QueuePage';

const BUSY = '9d9162e7-6cf3-4944-bf63-4dff82258764';
const NO_ANSWER = '73a0d17f-1163-4015-bdd5-ec830791da20';
const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
/** Archived by the account (the mock's account configuration). */
const CALLBACK_REQUESTED = '8f3c2a61-4b7d-4e19-a0c5-93d2e7f16b48';
/** An outcome id the account has no record of. */
const UNKNOWN = '4b1e7f3a-92d0-4c6e-b8a5-0f2d9e6c7a13';

let hs: HubSpotFake;
const ids = {} as Record<'a1' | 'a2' | 'busy' | 'done' | 'completed' | 'later', string>;
beforeEach(async () => {
  hs = installHubSpot();
  const call = (title: string, day: string, status: string, outcome?: string) =>
    hs.create('calls', { hs_call_title: title, hs_timestamp: `2026-${day}T12:00:00.000Z`, hs_call_status: status, ...(outcome ? { hs_call_disposition: outcome } : {}) });
  ids.a1 = await call('Unanswered 1', '07-01', 'NO_ANSWER');
  ids.a2 = await call('Unanswered 2', '07-02', 'NO_ANSWER');
  ids.busy = await call('Marked busy', '07-03', 'NO_ANSWER', BUSY);
  ids.done = await call('Already no answer', '07-04', 'NO_ANSWER', NO_ANSWER);
  ids.completed = await call('Completed, no outcome', '07-05', 'COMPLETED');
  ids.later = await call('Unanswered in August', '08-15', 'NO_ANSWER');
});
afterEach(() => uninstallHubSpot(hs));

/** The newest journal entry and its records, as our server's /api/journal answers. */
async function newestJournalEntry() {
  const list = (await (await hs.fetch('/api/journal')).json()) as { results: { id: string; kind: string; summary: string; status: string }[] };
  const entry = list.results[0];
  const records = (await (await hs.fetch(`/api/journal/${entry?.id ?? ''}/records`)).json()) as { results: { callId: string; before: Record<string, string | null> }[] };
  return { entry, records: records.results };
}

const outcomeOf = async (id: string) => (await hs.read('calls', id, ['hs_call_disposition'])).hs_call_disposition ?? null;
type User = ReturnType<typeof userEvent.setup>;

async function openRule(user: User) {
  const rule = await screen.findByRole('region', { name: 'Set outcome by rule' });
  await user.click(within(rule).getByRole('button', { name: 'Build a rule' }));
  return rule;
}

async function choose(user: User, rule: HTMLElement, field: string, option: string, absent?: string) {
  await user.click(within(rule).getByRole('combobox', { name: field }));
  const list = await screen.findByRole('listbox');
  if (absent) expect(within(list).queryByRole('option', { name: absent })).not.toBeInTheDocument();
  await user.click(within(list).getByRole('option', { name: option }));
}

/** Status No answer, calls up to 31 July, target No answer. */
async function buildRule(user: User, rule: HTMLElement) {
  await user.click(await within(rule).findByRole('checkbox', { name: 'No answer' }));
  fireEvent.change(within(rule).getByLabelText('Call date to'), { target: { value: '2026-07-31' } });
  await choose(user, rule, 'Outcome to set', 'No answer', 'Callback requested');
}

describe('Outcome rules', () => {
  it('says on the field what is missing, dry-runs the figures, applies, and HubSpot has the outcome', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AttentionPage />, { route: '/attention' });
    const rule = await openRule(user);
    await user.click(within(rule).getByRole('button', { name: 'Dry run' }));
    expect(within(rule).getByText('Add at least one condition: a rule over every call is a bulk edit, use the list.')).toBeInTheDocument();
    expect(within(rule).getByText('Choose the outcome to set.')).toBeInTheDocument();
    expect(hs.hubspotRequests().filter((r) => r.includes('/search'))).toEqual([]);

    await buildRule(user, rule);
    await user.click(within(rule).getByRole('button', { name: 'Dry run' }));
    expect(await within(rule).findByText('3 calls will change: 2 No outcome → No answer, 1 Busy → No answer')).toBeInTheDocument();

    await user.click(within(rule).getByRole('button', { name: 'Apply to 3 calls' }));
    expect(await within(rule).findByText('Applied to 3 calls.')).toBeInTheDocument();
    expect(await Promise.all([ids.a1, ids.a2, ids.busy, ids.done, ids.completed, ids.later].map(outcomeOf))).toEqual([NO_ANSWER, NO_ANSWER, NO_ANSWER, NO_ANSWER, null, null]);
    const { entry, records } = await newestJournalEntry();
    expect(entry).toMatchObject({ kind: 'outcome', status: 'applied', summary: 'Outcome → No answer on 3 calls (outcome rule)' });
    expect(Object.fromEntries(records.map((r) => [r.callId, r.before.hs_call_disposition]))).toEqual({ [ids.a1]: null, [ids.a2]: null, [ids.busy]: BUSY });
  });

  it('says so when the matching calls changed since the dry run, and applies nothing until asked again', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AttentionPage />, { route: '/attention' });
    const rule = await openRule(user);
    await buildRule(user, rule);
    await user.click(within(rule).getByRole('button', { name: 'Dry run' }));
    await within(rule).findByText('3 calls will change: 2 No outcome → No answer, 1 Busy → No answer');
    const extra = await hs.create('calls', { hs_call_title: 'Logged meanwhile', hs_timestamp: '2026-07-06T12:00:00.000Z', hs_call_status: 'NO_ANSWER', hs_call_disposition: CONNECTED });

    await user.click(within(rule).getByRole('button', { name: 'Apply to 3 calls' }));
    expect(await within(rule).findByText('The matching calls changed since the dry run (3 calls then, 4 calls now). Check the new figures and apply again.')).toBeInTheDocument();
    expect(within(rule).getByText('4 calls will change: 2 No outcome → No answer, 1 Busy → No answer, 1 Connected → No answer')).toBeInTheDocument();
    expect(await outcomeOf(ids.busy)).toBe(BUSY);

    await user.click(within(rule).getByRole('button', { name: 'Apply to 4 calls' }));
    expect(await within(rule).findByText('Applied to 4 calls.')).toBeInTheDocument();
    expect(await outcomeOf(extra)).toBe(NO_ANSWER);
  });

  it('keeps the rule when HubSpot refuses the dry run, and runs it again', async () => {
    const user = userEvent.setup();
    renderWithProviders(<QueuePage />, { route: '/attention/no-outcome', params: { queue: 'no-outcome' } });
    const rule = await openRule(user);
    expect(within(rule).getByRole('combobox', { name: 'Current outcome' })).toHaveTextContent('No outcome');
    await buildRule(user, rule);
    hs.fail('POST', hs.paths.objectSearch('calls'), 400, hubspotError('There was a problem with the request.'));
    await user.click(within(rule).getByRole('button', { name: 'Dry run' }));
    expect(await within(rule).findByRole('alert')).toHaveTextContent('There was a problem with the request.');
    expect(within(rule).getByRole('checkbox', { name: 'No answer' })).toBeChecked();
    expect(within(rule).getByLabelText('Call date to')).toHaveValue('2026-07-31');
    await user.click(within(rule).getByRole('button', { name: 'Dry run' }));
    expect(await within(rule).findByText('2 calls will change: 2 No outcome → No answer')).toBeInTheDocument();
  });

  it('on the archived-or-unknown queue, names the archived and the unknown outcomes the calls change from', async () => {
    const user = userEvent.setup();
    const archived = await hs.create('calls', { hs_call_title: 'Archived outcome', hs_timestamp: '2026-07-07T12:00:00.000Z', hs_call_status: 'COMPLETED', hs_call_disposition: CALLBACK_REQUESTED });
    const unknown = await hs.create('calls', { hs_call_title: 'Unknown outcome', hs_timestamp: '2026-07-08T12:00:00.000Z', hs_call_status: 'COMPLETED', hs_call_disposition: CONNECTED });
    hs.setRaw('calls', unknown, 'hs_call_disposition', UNKNOWN);
    renderWithProviders(<QueuePage />, { route: '/attention/unknown-outcome', params: { queue: 'unknown-outcome' } });
    const rule = await openRule(user);
    expect(within(rule).getByRole('combobox', { name: 'Current outcome' })).toHaveTextContent('Archived or unknown outcome');
    await choose(user, rule, 'Outcome to set', 'Connected', 'Callback requested');
    await user.click(within(rule).getByRole('button', { name: 'Dry run' }));
    expect(await within(rule).findByText(`2 calls will change: 1 Callback requested (archived) → Connected, 1 Unknown outcome (${UNKNOWN}) → Connected`)).toBeInTheDocument();
    await user.click(within(rule).getByRole('button', { name: 'Apply to 2 calls' }));
    expect(await within(rule).findByText('Applied to 2 calls.')).toBeInTheDocument();
    expect([await outcomeOf(archived), await outcomeOf(unknown), await outcomeOf(ids.busy)]).toEqual([CONNECTED, CONNECTED, BUSY]);
  });
});
