import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCall } from '../../../api/calls';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { findCreatedCall } from './find-created-call';

let hs: HubSpotFake;
afterEach(() => uninstallHubSpot(hs));

describe('findCreatedCall over a search that lags behind writes', () => {
  beforeEach(() => {
    hs = installHubSpot({ searchLagMs: 300 });
  });

  it('finds a call HubSpot stored just now, which search shows only after its lag', async () => {
    const startedAt = Date.now();
    const sent = { hs_call_title: 'Lost answer', hs_timestamp: '2026-11-01T10:00:00.000Z' };
    const stored = await createCall({ properties: sent });
    // Waits longer than the lag before believing "none": the second search sees the call.
    expect((await findCreatedCall(sent, startedAt, { searchLagMs: 600 }))?.id).toBe(stored.id);
  });

  it('finds none when HubSpot has none', async () => {
    const sent = { hs_call_title: 'Never stored', hs_timestamp: '2026-11-01T10:00:00.000Z' };
    expect(await findCreatedCall(sent, Date.now(), { searchLagMs: 10 })).toBeUndefined();
  });
});
