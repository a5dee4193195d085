/**
 * A bulk edit's per-record report in each HubSpot API family, against the mock answering batch writes per
 * item: v3 (legacy) and 2026-03 answer a batch with failed inputs 207; 2026-09 has no 207 and answers 200
 * with the errors in the body. The app must read the failures from the body whatever the status.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { API_VERSIONS } from '../../../api/hubspot-paths';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { outcomeChange, runJournaledChange } from '../../journal';

let hs: HubSpotFake | undefined;
afterEach(() => uninstallHubSpot(hs));

const BUSY = '9d9162e7-6cf3-4944-bf63-4dff82258764';
const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const MULTI_STATUS = { '2026-09': 200, '2026-03': 207, legacy: 207 } as const;

describe.each(API_VERSIONS)('bulk edit in the %s family, HubSpot answering per item', (apiVersion) => {
  it(`reports the failed record on its own (HubSpot answers ${MULTI_STATUS[apiVersion]}) and saves the others`, async () => {
    const fake = (hs = installHubSpot({ apiVersion, batchMode: 'per-item' }));
    const first = await fake.create('calls', { hs_call_title: 'first', hs_timestamp: '2026-11-02T10:00:00Z', hs_call_disposition: BUSY });
    const second = await fake.create('calls', { hs_call_title: 'second', hs_timestamp: '2026-11-02T11:00:00Z', hs_call_disposition: BUSY });
    const gone = '999999999';

    // What HubSpot answers in this family to such a batch (straight to the mock: nothing is changed).
    const answer = await fake.api('POST', fake.paths.objectBatch('calls', 'update'), { inputs: [{ id: gone, properties: { hs_call_disposition: CONNECTED } }] });
    expect(answer.status).toBe(MULTI_STATUS[apiVersion]);

    const before = new Map([first, gone, second].map((id) => [id, BUSY]));
    const { report } = await runJournaledChange(outcomeChange(before, CONNECTED, 'Connected'));

    expect(report.succeeded.sort()).toEqual([first, second].sort());
    expect(report.failed.map((f) => f.id)).toEqual([gone]);
    expect(report.failed[0]?.reason).toMatch(/not found/i);
    expect(fake.hubspotRequests()).toEqual([`POST ${fake.paths.objectBatch('calls', 'update')}`]);
    expect(await fake.read('calls', first, ['hs_call_disposition'])).toMatchObject({ hs_call_disposition: CONNECTED });
    expect(await fake.read('calls', second, ['hs_call_disposition'])).toMatchObject({ hs_call_disposition: CONNECTED });
  });
});
