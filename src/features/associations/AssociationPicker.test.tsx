import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { renderWithProviders } from '../../test/render';
import type { PickedRecord } from './association-model';
import { AssociationPicker } from './AssociationPicker';
import { associationQueries } from './association-queries';

/** The lenient mock's custom call→company label "Account review" (HubSpot has no call labels). */
const ACCOUNT_REVIEW = 1005;

let hs: HubSpotFake;
let latest: PickedRecord[] = [];
let ids: { linus: string; linear: string };

beforeEach(async () => {
  hs = installHubSpot();
  latest = [];
  const linus = await hs.create('contacts', { firstname: 'Linus', lastname: 'Pauling', email: 'linus@example.com' });
  const linear = await hs.create('companies', { name: 'Linear Ltd', domain: 'linear.test' });
  await hs.create('deals', { dealname: 'Other deal', amount: '5' });
  ids = { linus, linear };
});
afterEach(() => uninstallHubSpot(hs));

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

const renderPicker = (exclude?: ReadonlySet<string>) => renderWithProviders(<Harness exclude={exclude} />);

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
      [`/hubspot${hs.paths.objectSearch('contacts')}`, 'lin'],
      [`/hubspot${hs.paths.objectSearch('companies')}`, 'lin'],
      [`/hubspot${hs.paths.objectSearch('deals')}`, 'lin'],
      [`/hubspot${hs.paths.objectSearch('tickets')}`, 'lin'],
    ]);
  });

  it('offers no label where the account has none for the pair (HubSpot has no call labels): picks take HubSpot’s default type', async () => {
    const user = userEvent.setup();
    const { queryClient } = renderPicker();
    await user.type(screen.getByRole('combobox', { name: /Search contacts/ }), 'lin');
    await user.click(await screen.findByRole('option', { name: /Linus Pauling/ }));
    await user.keyboard('{Escape}');
    const picked = within(screen.getByRole('list', { name: 'Records to associate' })).getByRole('listitem');
    expect(picked).toHaveTextContent('Linus Pauling');
    // The account's association types for calls → contacts have arrived, and hold nothing to pick.
    await waitFor(() => expect(queryClient.getQueryState(associationQueries.labels('contacts').queryKey)?.status).toBe('success'));
    expect(screen.queryByRole('combobox', { name: 'Label for Linus Pauling' })).not.toBeInTheDocument();
    expect(latest).toEqual([{ type: 'contacts', id: ids.linus, name: 'Linus Pauling', associationTypeId: 194, associationCategory: 'HUBSPOT_DEFINED' }]);
  });

  it('picks several records, each with HubSpot’s default label unless another is chosen (an account with call labels)', async () => {
    uninstallHubSpot(hs);
    hs = installHubSpot({ customCallLabels: true });
    ids = {
      linus: await hs.create('contacts', { firstname: 'Linus', lastname: 'Pauling', email: 'linus@example.com' }),
      linear: await hs.create('companies', { name: 'Linear Ltd', domain: 'linear.test' }),
    };
    const user = userEvent.setup();
    renderPicker();
    await user.type(screen.getByRole('combobox', { name: /Search contacts/ }), 'lin');
    await user.click(await screen.findByRole('option', { name: /Linus Pauling/ }));
    await user.click(screen.getByRole('option', { name: /Linear Ltd/ }));
    await user.keyboard('{Escape}');
    expect(latest).toEqual([
      { type: 'contacts', id: ids.linus, name: 'Linus Pauling', associationTypeId: 194, associationCategory: 'HUBSPOT_DEFINED' },
      { type: 'companies', id: ids.linear, name: 'Linear Ltd', associationTypeId: 182, associationCategory: 'HUBSPOT_DEFINED' },
    ]);
    await user.click(screen.getByRole('combobox', { name: 'Label for Linear Ltd' }));
    await user.click(await screen.findByRole('option', { name: 'Account review' }));
    expect(latest[1]).toEqual({ type: 'companies', id: ids.linear, name: 'Linear Ltd', associationTypeId: ACCOUNT_REVIEW, associationCategory: 'USER_DEFINED' });
    await user.click(screen.getByRole('button', { name: 'Do not associate Linus Pauling' }));
    expect(latest.map((p) => p.name)).toEqual(['Linear Ltd']);
    expect(within(screen.getByRole('list', { name: 'Records to associate' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('does not offer records that are already associated', async () => {
    const user = userEvent.setup();
    renderPicker(new Set([`contacts:${ids.linus}`]));
    await user.type(screen.getByRole('combobox', { name: /Search contacts/ }), 'lin');
    const linus = await screen.findByRole('option', { name: /Linus Pauling/ });
    expect(linus).toHaveTextContent('already associated');
    expect(linus).toHaveAttribute('aria-disabled', 'true');
  });
});
