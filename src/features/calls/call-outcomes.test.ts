/**
 * The account's call outcomes as every call screen gets them (src/api/metadata.ts): HubSpot's dispositions
 * beta first, the legacy list when HubSpot refuses the beta. (Here rather than beside metadata.ts: the
 * server's TypeScript project includes src/api, and this test runs the app's HubSpot fake.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { configureHttp, resetHttpConfig } from '../../api/http';
import { getDispositions } from '../../api/metadata';
import { hubspotError, installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';

const ARCHIVED = { id: '8f3c2a61-4b7d-4e19-a0c5-93d2e7f16b48', label: 'Callback requested', archived: true };

let hs: HubSpotFake | undefined;
afterEach(() => {
  uninstallHubSpot(hs);
  resetHttpConfig();
});

describe('getDispositions', () => {
  it('reads the beta with archived outcomes, in the account’s order', async () => {
    hs = installHubSpot();
    const outcomes = await getDispositions();
    expect(outcomes.slice(0, 2)).toEqual([
      { id: '9d9162e7-6cf3-4944-bf63-4dff82258764', label: 'Busy', archived: false },
      { id: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', label: 'Connected', archived: false },
    ]);
    expect(outcomes).toContainEqual(ARCHIVED);
    expect(hs.hubspotRequests()).toEqual([`GET ${hs.paths.dispositions()}?archived=true`]);
  });

  it.each([403, 404])('falls back to /calling/v1/dispositions (active outcomes only) when the beta answers %i', async (status) => {
    hs = installHubSpot();
    hs.fail('GET', hs.paths.dispositions(), status, hubspotError('This app is not part of the beta.', status === 403 ? 'FORBIDDEN' : 'OBJECT_NOT_FOUND'));
    const outcomes = await getDispositions();
    expect(outcomes).toContainEqual({ id: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', label: 'Connected', archived: false });
    expect(outcomes.map((d) => d.id)).not.toContain(ARCHIVED.id);
    expect(hs.hubspotRequests()).toEqual([`GET ${hs.paths.dispositions()}?archived=true`, `GET ${hs.paths.legacyDispositions()}`]);
  });

  it('falls back with the mock outside the beta (dispositionsBeta: false)', async () => {
    hs = installHubSpot({ dispositionsBeta: false });
    expect((await getDispositions()).map((d) => d.label)).toContain('Meeting booked');
  });

  it('reports other failures of the beta instead of hiding them behind the legacy list', async () => {
    configureHttp({ maxUnavailableRetries: 0 });
    hs = installHubSpot();
    hs.fail('GET', hs.paths.dispositions(), 500, hubspotError('Internal error', 'INTERNAL_ERROR'));
    await expect(getDispositions()).rejects.toMatchObject({ status: 500 });
    expect(hs.hubspotRequests()).toEqual([`GET ${hs.paths.dispositions()}?archived=true`]);
  });
});
