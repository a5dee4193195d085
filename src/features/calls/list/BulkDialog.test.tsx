import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import { BulkDialog } from './BulkDialog';

let hs: HubSpotFake;
beforeEach(() => {
  hs = installHubSpot();
});
afterEach(() => uninstallHubSpot(hs));

/** `n` calls created through HubSpot's batch create (100 per request); their ids. */
async function createCalls(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < n; start += 100) {
    const inputs = Array.from({ length: Math.min(100, n - start) }, (_, i) => ({
      properties: { hs_call_title: `bulk ${start + i}`, hs_timestamp: '2026-11-01T10:00:00.000Z' },
      associations: [],
    }));
    const answer = await hs.api<{ results: { id: string }[] }>('POST', '/crm/v3/objects/calls/batch/create', { inputs });
    expect(answer.status).toBe(201);
    ids.push(...answer.body.results.map((r) => r.id));
  }
  return ids;
}

const status = async (id: string) => (await hs.api('GET', `/crm/v3/objects/calls/${id}`)).status;

describe('bulk delete confirmation', { timeout: 30_000 }, () => {
  it('above 100 calls asks for the number: a wrong number keeps Delete disabled, the right one deletes every call', async () => {
    const user = userEvent.setup();
    const ids = await createCalls(101);
    const onRan = vi.fn();
    renderWithProviders(<BulkDialog request={{ action: 'delete', ids }} dispositions={[]} onClose={() => {}} onRan={onRan} />);
    const dialog = screen.getByRole('dialog', { name: 'Delete calls' });
    expect(dialog).toHaveTextContent('The recycling bin is in HubSpot: calls can be restored there for 90 days, and this console cannot restore them.');
    const del = within(dialog).getByRole('button', { name: 'Delete 101 calls' });
    expect(del).toBeDisabled();

    const typed = within(dialog).getByRole('textbox', { name: 'Type the number of calls to delete' });
    await user.type(typed, '100');
    expect(del).toBeDisabled();
    expect(await status(ids[0] ?? '')).toBe(200);

    await user.clear(typed);
    await user.type(typed, '101');
    expect(del).toBeEnabled();
    await user.click(del);
    expect(await within(dialog).findByText('101 calls deleted.')).toBeInTheDocument();
    expect(onRan).toHaveBeenCalledOnce();
    for (const id of [ids[0], ids[50], ids[100]]) expect(await status(id ?? '')).toBe(404);
  });

  it('up to 100 calls keeps the plain confirmation, with no number to type', async () => {
    const user = userEvent.setup();
    const ids = await createCalls(100);
    renderWithProviders(<BulkDialog request={{ action: 'delete', ids }} dispositions={[]} onClose={() => {}} onRan={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Delete calls' });
    expect(dialog).toHaveTextContent("Delete 100 calls? They move to HubSpot's recycling bin, where they can be restored for 90 days");
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Delete 100 calls' }));
    expect(await within(dialog).findByText('100 calls deleted.')).toBeInTheDocument();
    expect(await status(ids[99] ?? '')).toBe(404);
  });
});
