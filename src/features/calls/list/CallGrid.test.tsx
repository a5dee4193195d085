import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubSpotObject } from '../../../api/schemas';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import CallGrid from './CallGrid';
import CallListPage from './CallListPage';
import { DEFAULT_PREFS } from './column-prefs';
import type { ListSort } from './list-state';

const AT = '2026-11-01T10:00:00.000Z';

let hs: HubSpotFake;
beforeEach(() => {
  localStorage.clear();
  hs = installHubSpot();
});
afterEach(() => uninstallHubSpot(hs));

const rowOf = (text: string) => screen.getByText(text).closest<HTMLElement>('[role="row"]');
const status = () => document.querySelector('p[aria-live="polite"]')?.textContent;

describe('the call list reads at a glance', { timeout: 60_000 }, () => {
  it('shows contact and company names with the rows, from one batch read per record type for the page', async () => {
    const calls = [
      await hs.create('calls', { hs_call_title: 'namesword one', hs_timestamp: AT }),
      await hs.create('calls', { hs_call_title: 'namesword two', hs_timestamp: AT }),
    ];
    const ada = await hs.create('contacts', { firstname: 'Ada', lastname: 'Lovelace' });
    const alan = await hs.create('contacts', { firstname: 'Alan', lastname: 'Turing' });
    const acme = await hs.create('companies', { name: 'Acme Analytics' });
    await hs.associate(calls[0]!, 'contacts', ada);
    await hs.associate(calls[0]!, 'companies', acme);
    await hs.associate(calls[1]!, 'contacts', alan);

    // The contacts' names are held back: the rows wait for them.
    const held = hs.hold('POST', '/crm/objects/2026-09/contacts/batch/read');
    renderWithProviders(<CallListPage />, { route: '/calls?q=namesword' });
    await held.reached;
    expect(screen.queryByText('namesword one')).toBeNull();
    held.release();

    await screen.findByText('namesword one', undefined, { timeout: 10_000 });
    expect(rowOf('namesword one')).toHaveTextContent('Ada Lovelace');
    expect(rowOf('namesword one')).toHaveTextContent('Acme Analytics');
    expect(rowOf('namesword two')).toHaveTextContent('Alan Turing');
    const batchReads = hs.hubspotRequests().filter((r) => r.includes('/batch/read'));
    expect(batchReads.sort()).toEqual([
      'POST /crm/associations/2026-09/calls/companies/batch/read',
      'POST /crm/associations/2026-09/calls/contacts/batch/read',
      'POST /crm/objects/2026-09/companies/batch/read',
      'POST /crm/objects/2026-09/contacts/batch/read',
    ]);
  });

  it('states the same total in the status line and the footer', async () => {
    for (const title of ['total one', 'total two', 'total three']) await hs.create('calls', { hs_call_title: title, hs_timestamp: AT });
    renderWithProviders(<CallListPage />, { route: '/calls' });
    expect(await screen.findByText('1–3 of 3')).toBeInTheDocument();
    expect(status()).toBe('3 calls match.');
  });

  it('says nothing is loading once the list has failed', async () => {
    hs.fail('POST', '/crm/objects/2026-09/calls/search', 400, undefined, { times: 5 });
    renderWithProviders(<CallListPage />, { route: '/calls' });
    expect(await screen.findByText('Could not load calls')).toBeInTheDocument();
    await waitFor(() => expect(status()).toBe(''));
    expect(screen.queryByText(/Loading/)).toBeNull();
  });
});

const call = (id: string, title: string): HubSpotObject => ({
  id,
  properties: { hs_call_title: title, hs_timestamp: AT, hs_call_duration: '60000' },
  createdAt: AT,
  updatedAt: AT,
  archived: false,
});

/** The table alone, with its selection and sort held as the list page holds them. */
function Table({ rows, spies }: { rows: HubSpotObject[]; spies: { open: (id: string) => void; edit: (id: string) => void; page: (p: number) => void } }) {
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [sort, setSort] = useState<ListSort | undefined>({ field: 'time', direction: 'desc' });
  const [ctx] = useState(() => ({ timeZone: 'UTC', prefs: DEFAULT_PREFS, onEditOutcome: (c: HubSpotObject) => spies.edit(c.id) }));
  return (
    <>
      <p data-testid="state">{`${[...selection].sort().join(',')} ${sort ? `${sort.field}:${sort.direction}` : ''}`}</p>
      <CallGrid
        rows={rows}
        lookups={{}}
        loading={false}
        page={0}
        pageSize={25}
        rowCount={-1}
        total={undefined}
        density="standard"
        hasNextPage
        sort={sort}
        columnContext={ctx}
        selection={selection}
        onSelectionChange={setSelection}
        onPageChange={spies.page}
        onPageSizeChange={() => {}}
        onSortChange={setSort}
        onPrefsChange={() => {}}
        onOpen={spies.open}
        onPrefetch={() => {}}
      />
    </>
  );
}

describe('the call table', () => {
  const rows = [call('11', 'first call'), call('12', 'second call'), call('13', 'third call')];
  const setup = () => {
    const spies = { open: vi.fn(), edit: vi.fn(), page: vi.fn() };
    renderWithProviders(<Table rows={rows} spies={spies} />, { route: '/calls' });
    const grid = screen.getByRole('grid', { name: 'Calls' });
    const state = () => screen.getByTestId('state').textContent;
    const cell = (id: string, field: string) => grid.querySelector<HTMLElement>(`[role="row"][data-id="${id}"] [data-field="${field}"]`)!;
    return { spies, grid, state, cell };
  };

  it('is a grid of rows with data-id and cells with data-field; hidden columns are not rendered', () => {
    const { grid } = setup();
    expect(grid).toHaveAttribute('aria-rowcount', '4');
    const headers = within(grid).getAllByRole('columnheader');
    expect(grid).toHaveAttribute('aria-colcount', String(headers.length));
    expect(headers.map((h) => h.dataset.field)).toEqual(['__check__', ...DEFAULT_PREFS.order.filter((id) => !DEFAULT_PREFS.hidden.includes(id))]);
    expect(grid.querySelectorAll('[data-field="from"]')).toHaveLength(0);
    expect([...grid.querySelectorAll<HTMLElement>('[role="row"][data-id]')].map((r) => r.dataset.id)).toEqual(['11', '12', '13']);
    expect(screen.getByText('1–25 of more than 25')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go to previous page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Go to next page' })).toBeEnabled();
  });

  it('sorts by a header click: time flips from newest first, another column starts ascending', () => {
    const { grid, state } = setup();
    const header = (name: string) => within(grid).getByRole('columnheader', { name });
    expect(header('Time')).toHaveAttribute('aria-sort', 'descending');
    fireEvent.click(header('Time'));
    expect(state()).toBe(' time:asc');
    expect(header('Time')).toHaveAttribute('aria-sort', 'ascending');
    fireEvent.click(header('Duration'));
    expect(state()).toBe(' duration:asc');
    expect(header('Time')).not.toHaveAttribute('aria-sort');
    fireEvent.click(header('Duration'));
    expect(state()).toBe(' duration:desc');
    // Outcome does not sort.
    fireEvent.click(header('Outcome'));
    expect(state()).toBe(' duration:desc');
  });

  it('selects rows with their checkboxes and the page with "Select all rows"; a click on a row opens it instead', async () => {
    const { grid, state, spies, cell } = setup();
    const all = within(grid).getByRole('checkbox', { name: 'Select all rows' });
    await userEvent.click(within(grid).getAllByRole('checkbox', { name: 'Select row' })[1]!);
    expect(state()).toBe('12 time:desc');
    expect(all).toHaveProperty('indeterminate', true);
    await userEvent.click(all);
    expect(state()).toBe('11,12,13 time:desc');
    expect(all).toBeChecked();
    await userEvent.click(all);
    expect(state()).toBe(' time:desc');
    await userEvent.click(cell('13', 'duration'));
    expect(spies.open).toHaveBeenCalledWith('13');
    expect(state()).toBe(' time:desc');
  });

  it('moves between cells with the arrow keys; Enter opens the call or the outcome menu, Space toggles the row', async () => {
    const { grid, state, spies, cell } = setup();
    // One tab stop: the first row's title.
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    await userEvent.tab();
    expect(cell('11', 'title')).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{ArrowRight}');
    expect(cell('12', 'time')).toHaveFocus();
    expect(cell('12', 'time')).toHaveAttribute('tabindex', '0');
    await userEvent.keyboard('{Home}');
    expect(cell('12', '__check__')).toHaveFocus();
    await userEvent.keyboard(' ');
    expect(state()).toBe('12 time:desc');
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(cell('12', 'outcome')).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(spies.edit).toHaveBeenCalledWith('12');
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    expect(within(grid).getByRole('columnheader', { name: 'Outcome' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowLeft}{Enter}');
    expect(spies.open).toHaveBeenCalledWith('13');
  });
});
