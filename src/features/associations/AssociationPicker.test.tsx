import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PickedRecord } from './association-model';
import { AssociationPicker } from './AssociationPicker';
import { FakeHubSpot } from './fake-hubspot.test-helper';

// The machine running the suite is shared; give screens time to settle before a lookup fails.
configure({ asyncUtilTimeout: 5_000 });

let hs: FakeHubSpot;
let latest: PickedRecord[] = [];

beforeEach(() => {
  hs = new FakeHubSpot();
  vi.stubGlobal('fetch', vi.fn(hs.fetch));
  hs.addRecord('contacts', '1', { firstname: 'Linus', lastname: 'Pauling', email: 'linus@example.com' });
  hs.addRecord('companies', '2', { name: 'Linear Ltd', domain: 'linear.test' });
  hs.addRecord('deals', '3', { dealname: 'Other deal', amount: '5', dealstage: 'x' });
  hs.labels.companies.push({ category: 'USER_DEFINED', typeId: 77, label: 'Reseller' });
});
afterEach(() => vi.unstubAllGlobals());

function Harness({ exclude }: { exclude?: ReadonlySet<string> }) {
  const [value, setValue] = useState<PickedRecord[]>([]);
  return (
    <AssociationPicker
      value={value}
      excludeKeys={exclude}
      onChange={(v) => {
        latest = v;
        setValue(v);
      }}
    />
  );
}

function renderPicker(exclude?: ReadonlySet<string>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <Harness exclude={exclude} />
    </QueryClientProvider>,
  );
}

const searches = () => hs.requests.filter((r) => r.path.endsWith('/search'));

describe('AssociationPicker', { timeout: 30_000 }, () => {
  it('searches the four record types once for what was typed, not once per key', async () => {
    // No pause between key presses, so the three keys land well inside the debounce window.
    const user = userEvent.setup({ delay: null });
    renderPicker();
    await user.type(screen.getByRole('combobox', { name: /Search contacts, companies, deals and tickets/ }), 'lin');
    expect(await screen.findByRole('option', { name: /Linus Pauling/ })).toHaveTextContent('linus@example.com');
    expect(screen.getByRole('option', { name: /Linear Ltd/ })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Other deal/ })).not.toBeInTheDocument();
    expect(searches().map((r) => [r.path, (r.body as { query: string }).query])).toEqual([
      ['/hubspot/crm/v3/objects/contacts/search', 'lin'],
      ['/hubspot/crm/v3/objects/companies/search', 'lin'],
      ['/hubspot/crm/v3/objects/deals/search', 'lin'],
      ['/hubspot/crm/v3/objects/tickets/search', 'lin'],
    ]);
  });

  it('picks several records, each with HubSpot’s default label unless another is chosen', async () => {
    const user = userEvent.setup();
    renderPicker();
    await user.type(screen.getByRole('combobox', { name: /Search contacts/ }), 'lin');
    await user.click(await screen.findByRole('option', { name: /Linus Pauling/ }));
    await user.click(screen.getByRole('option', { name: /Linear Ltd/ }));
    await user.keyboard('{Escape}');
    expect(latest).toEqual([
      { type: 'contacts', id: '1', name: 'Linus Pauling', associationTypeId: 194, associationCategory: 'HUBSPOT_DEFINED' },
      { type: 'companies', id: '2', name: 'Linear Ltd', associationTypeId: 182, associationCategory: 'HUBSPOT_DEFINED' },
    ]);
    await user.click(screen.getByRole('combobox', { name: 'Label for Linear Ltd' }));
    await user.click(await screen.findByRole('option', { name: 'Reseller' }));
    expect(latest[1]).toEqual({ type: 'companies', id: '2', name: 'Linear Ltd', associationTypeId: 77, associationCategory: 'USER_DEFINED' });
    await user.click(screen.getByRole('button', { name: 'Do not associate Linus Pauling' }));
    expect(latest.map((p) => p.name)).toEqual(['Linear Ltd']);
    expect(within(screen.getByRole('list', { name: 'Records to associate' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('does not offer records that are already associated', async () => {
    const user = userEvent.setup();
    renderPicker(new Set(['contacts:1']));
    await user.type(screen.getByRole('combobox', { name: /Search contacts/ }), 'lin');
    const linus = await screen.findByRole('option', { name: /Linus Pauling/ });
    expect(linus).toHaveTextContent('already associated');
    expect(linus).toHaveAttribute('aria-disabled', 'true');
  });
});
