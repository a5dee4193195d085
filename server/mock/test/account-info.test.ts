import { describe, expect, it } from 'vitest';
import { check, checkError, useHarness } from './helpers';
import { accountDetails } from './schemas';

const FAMILIES = [
  { path: '/account-info/v3/details', spec: { file: 'account-info.v3.json' as const, method: 'get', path: '/account-info/v3/details' } },
  { path: '/account-info/2026-09/details', spec: { file: '2026-09/account-info.json' as const, method: 'get', path: '/account-info/2026-09/details' } },
  // same operation as 2026-09 (the spec's operationId names both paths)
  { path: '/account-info/2026-03/details', spec: { file: '2026-09/account-info.json' as const, method: 'get', path: '/account-info/2026-09/details' } },
];

describe('account info API', () => {
  const h = useHarness();

  it.each(FAMILIES)('GET $path describes the demo account', async ({ path, spec }) => {
    const details = check(await h.req('GET', path), 200, accountDetails, spec);
    expect(details).toEqual({
      portalId: 146_839_205,
      accountType: 'STANDARD',
      timeZone: 'Europe/Berlin',
      companyCurrency: 'EUR',
      additionalCurrencies: ['USD', 'GBP'],
      dataHostingLocation: 'eu1',
      uiDomain: 'app-eu1.hubspot.com',
      // the tests' "now" is in January: Berlin is on CET
      utcOffset: '+01:00',
      utcOffsetMilliseconds: 3_600_000,
    });
  });

  it('gives the offset of the account’s time zone on the day asked (summer time in July)', async () => {
    const before = h.clock.now();
    h.clock.set(Date.UTC(2026, 6, 1, 12));
    try {
      const details = check(await h.req('GET', '/account-info/2026-09/details'), 200, accountDetails);
      expect([details.utcOffset, details.utcOffsetMilliseconds]).toEqual(['+02:00', 7_200_000]);
    } finally {
      h.clock.set(before);
    }
  });

  it('needs a token like every HubSpot API', async () => {
    checkError(await h.req('GET', '/account-info/v3/details', undefined, { authorization: '' }), 401, 'INVALID_AUTHENTICATION');
  });
});
