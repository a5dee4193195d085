import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureHttp, resetHttpConfig } from '../../../api/http';
import { hubspotError, installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import { callKeys } from '../calls-queries';
import { CallQueryGate } from './CallQueryGate';

let hs: HubSpotFake;
let callId: string;
beforeEach(async () => {
  // One answer per read: http.ts's own retries of 503 are tested in src/api/http.test.ts.
  configureHttp({ maxUnavailableRetries: 0 });
  hs = installHubSpot();
  callId = await hs.create('calls', { hs_call_title: 'Loaded earlier', hs_timestamp: '2026-11-01T10:00:00.000Z' });
});
afterEach(() => {
  uninstallHubSpot(hs);
  resetHttpConfig();
});

/** Renders the gate around the call's title and waits until the call is on screen. */
async function renderGate() {
  const { queryClient } = renderWithProviders(<CallQueryGate id={callId}>{(c) => <h1>{c.properties.hs_call_title}</h1>}</CallQueryGate>);
  expect(await screen.findByRole('heading', { name: 'Loaded earlier' }, { timeout: 10_000 })).toBeInTheDocument();
  return () => queryClient.refetchQueries({ queryKey: callKeys.detail(callId) });
}

describe('CallQueryGate', () => {
  it('keeps the loaded call on screen when a background refresh fails, with the error and Retry beside it', async () => {
    const refresh = await renderGate();
    await hs.update('calls', callId, { hs_call_title: 'Fresh from HubSpot' });
    hs.fail('GET', hs.paths.object('calls', callId), 503, hubspotError('Service Unavailable', 'SERVICE_UNAVAILABLE'));
    await refresh();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not refresh the call from HubSpot');
    expect(alert).toHaveTextContent('Service Unavailable');
    expect(screen.getByRole('heading', { name: 'Loaded earlier' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Fresh from HubSpot' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('says when the call is gone from HubSpot but keeps what was on screen', async () => {
    const refresh = await renderGate();
    expect((await hs.api('DELETE', hs.paths.object('calls', callId))).status).toBe(204);
    await refresh();

    expect(await screen.findByRole('alert')).toHaveTextContent('HubSpot no longer has this call');
    expect(screen.getByRole('heading', { name: 'Loaded earlier' })).toBeInTheDocument();
  });
});
