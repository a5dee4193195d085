/** The report a fix shows after its journaled change: what was applied, what failed and why, and the journal link. */
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { renderWithProviders } from '../../test/render';
import { ChangeReport } from './ChangeReport';
import { runJournaledChange } from './run-change';

let hs: HubSpotFake | undefined;
afterEach(() => uninstallHubSpot(hs));

describe('ChangeReport', () => {
  it('says how many calls the change was applied to, lists each failed call with its reason and link, and links the journal entry', async () => {
    const fake = (hs = installHubSpot());
    const a = await fake.create('calls', { hs_call_title: 'A', hs_timestamp: '2026-11-02T10:00:00Z' });
    const b = await fake.create('calls', { hs_call_title: 'B', hs_timestamp: '2026-11-02T11:00:00Z' });
    const result = await runJournaledChange({
      kind: 'properties',
      summary: 'Renamed 3 calls',
      changes: [
        { callId: a, before: { hs_call_title: 'A' }, after: { hs_call_title: 'A2' } },
        { callId: b, before: { hs_call_title: 'B' }, after: { hs_call_title: 'B2' } },
        { callId: '999999', before: { hs_call_title: 'Gone' }, after: { hs_call_title: 'Gone2' } },
      ],
    });

    renderWithProviders(<ChangeReport result={result} />);
    const report = screen.getByRole('status', { name: 'Change report' });
    expect(report).toHaveTextContent('Applied to 2 calls. Failed on 1 call.');
    const failed = within(report).getByRole('table', { name: 'Calls that failed' });
    const row = within(failed).getByRole('row', { name: /999999/ });
    expect(within(row).getByRole('link', { name: '999999' })).toHaveAttribute('href', '/calls/999999');
    expect(row).toHaveTextContent(/not found|did not confirm/i);
    expect(within(report).getByRole('link', { name: 'Open in the journal to undo' })).toHaveAttribute('href', `/journal/${result.entry.id}`);
  });

  it('a change applied to every call lists no failures', async () => {
    const fake = (hs = installHubSpot());
    const a = await fake.create('calls', { hs_call_title: 'A', hs_timestamp: '2026-11-02T10:00:00Z' });
    const result = await runJournaledChange({ kind: 'properties', summary: 'Renamed 1 call', changes: [{ callId: a, before: { hs_call_title: 'A' }, after: { hs_call_title: 'A2' } }] });
    renderWithProviders(<ChangeReport result={result} />);
    expect(screen.getByRole('status', { name: 'Change report' })).toHaveTextContent('Applied to 1 call.');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
