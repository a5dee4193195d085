/** The demo account's details (`GET /account-info/v3/details`): the spec's `PortalInformationResponse`. */

const ACCOUNT = {
  portalId: 146_839_205,
  accountType: 'STANDARD',
  timeZone: 'Europe/Berlin',
  companyCurrency: 'EUR',
  additionalCurrencies: ['USD', 'GBP'],
  dataHostingLocation: 'eu1',
  uiDomain: 'app-eu1.hubspot.com',
} as const;

/** The zone's offset from UTC at `now`: `+02:00` and its milliseconds. */
function utcOffset(timeZone: string, now: number): { utcOffset: string; utcOffsetMilliseconds: number } {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(now)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!m) return { utcOffset: '+00:00', utcOffsetMilliseconds: 0 };
  const sign = m[1] === '-' ? -1 : 1;
  return { utcOffset: `${m[1]}${m[2]}:${m[3]}`, utcOffsetMilliseconds: sign * (Number(m[2]) * 60 + Number(m[3])) * 60_000 };
}

export function accountDetails(now: number) {
  return { ...ACCOUNT, additionalCurrencies: [...ACCOUNT.additionalCurrencies], ...utcOffset(ACCOUNT.timeZone, now) };
}
