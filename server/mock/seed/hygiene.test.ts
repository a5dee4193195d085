/**
 * The demo seed has calls in every "Needs attention" queue, as a client finds them through
 * HubSpot's API (search, lists with associations, owners, outcomes), and every demo call is one
 * the mock's own validation accepts (but for the owner who has since left and the outcome the
 * account has no record of).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, DEFAULT_DISPOSITIONS, harness, qs, useHarness, type Harness } from '../test/helpers';
import { dispositionBetaList, errorBody, hubSpotObject, listPage, ownerPage, propertyList, searchPage, type HubSpotObject } from '../test/schemas';

const DAY = 86_400_000;
const CALL_PROPERTIES = [
  'hs_timestamp',
  'hs_call_title',
  'hs_call_direction',
  'hs_call_status',
  'hs_call_disposition',
  'hs_call_duration',
  'hs_call_from_number',
  'hs_call_to_number',
  'hs_call_external_id',
  'hubspot_owner_id',
];
const OUTCOME = Object.fromEntries(Object.entries(DEFAULT_DISPOSITIONS).map(([id, label]) => [label, id]));

/** E.164, for numbers written in any of the usual ways (North American when no country code). */
function normalised(raw: string | undefined): string | undefined {
  return raw ? parsePhoneNumberFromString(raw, 'US')?.number : undefined;
}

async function all(h: Harness, type: 'calls' | 'contacts', properties: string[], associations?: string[]): Promise<HubSpotObject[]> {
  const out: HubSpotObject[] = [];
  let after: string | undefined;
  do {
    const page = check(await h.req('GET', `/crm/v3/objects/${type}${qs({ limit: 100, after, properties, associations })}`), 200, listPage);
    out.push(...page.results);
    after = page.paging?.next.after;
  } while (after);
  return out;
}

async function searchTotal(h: Harness, filters: Record<string, unknown>[]): Promise<number> {
  return check(await h.req('POST', '/crm/v3/objects/calls/search', { limit: 1, filterGroups: [{ filters }] }), 200, searchPage).total;
}

/** The other party's number: the to-number of an outbound call, the from-number of an inbound one. */
function counterpart(call: HubSpotObject): string | undefined {
  const p = call.properties;
  return p['hs_call_direction'] === 'OUTBOUND' ? p['hs_call_to_number'] : p['hs_call_from_number'];
}

/** No name, a name that is only a phone number, or a dialer's default name. */
function isPlaceholder(contact: HubSpotObject): boolean {
  const name = `${contact.properties['firstname'] ?? ''} ${contact.properties['lastname'] ?? ''}`.trim();
  return name === '' || /^[\d\s()+.-]+$/.test(name) || /^caller\b/i.test(name) || /^new contact$/i.test(name);
}

const linked = (call: HubSpotObject, type: string) => call.associations?.[type]?.results.length ?? 0;

describe('the demo seed has calls that need attention', () => {
  const h = useHarness({ seed: 'demo' });
  let calls: HubSpotObject[] = [];
  let contacts: HubSpotObject[] = [];
  /** Real (non-placeholder) contacts by normalised phone or mobile phone number. */
  const byNumber = new Map<string, Set<string>>();
  const matches = (call: HubSpotObject) => byNumber.get(normalised(counterpart(call)) ?? '')?.size ?? 0;

  beforeAll(async () => {
    calls = await all(h, 'calls', CALL_PROPERTIES, ['contacts', 'companies']);
    contacts = await all(h, 'contacts', ['firstname', 'lastname', 'phone', 'mobilephone']);
    for (const c of contacts) {
      if (isPlaceholder(c)) continue;
      for (const raw of [c.properties['phone'], c.properties['mobilephone']]) {
        const n = normalised(raw);
        if (n) byNumber.set(n, (byNumber.get(n) ?? new Set()).add(c.id));
      }
    }
  });

  it('calls with no outcome, found by search', async () => {
    expect(await searchTotal(h, [{ propertyName: 'hs_call_disposition', operator: 'NOT_HAS_PROPERTY' }])).toBeGreaterThanOrEqual(6);
    const unanswered = [
      { propertyName: 'hs_call_disposition', operator: 'NOT_HAS_PROPERTY' },
      { propertyName: 'hs_call_status', operator: 'EQ', value: 'NO_ANSWER' },
    ];
    expect(await searchTotal(h, unanswered)).toBeGreaterThanOrEqual(3);
  });

  it('calls whose outcome the account archived, and calls whose outcome it has no record of', async () => {
    const outcomes = check(await h.req('GET', '/crm/extensions/calling/2027-03-beta/dispositions?archived=true'), 200, dispositionBetaList).results;
    const archived = new Set(outcomes.filter((d) => d.archived).map((d) => d.id));
    const known = new Set(outcomes.map((d) => d.id));
    const outcomeOf = (c: HubSpotObject) => c.properties['hs_call_disposition'] ?? '';
    expect(calls.filter((c) => archived.has(outcomeOf(c))).length).toBeGreaterThanOrEqual(2);
    const unknown = calls.filter((c) => outcomeOf(c) !== '' && !known.has(outcomeOf(c)));
    expect(unknown.length).toBeGreaterThanOrEqual(4);
    for (const c of unknown) expect(outcomeOf(c)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('calls on no contact and no company, whose numbers match one contact, two, or none', () => {
    const orphans = calls.filter((c) => linked(c, 'contacts') === 0 && linked(c, 'companies') === 0);
    expect(orphans.filter((c) => matches(c) === 1).length).toBeGreaterThanOrEqual(3);
    expect(orphans.filter((c) => matches(c) === 2).length).toBeGreaterThanOrEqual(1);
    expect(orphans.filter((c) => matches(c) === 0).length).toBeGreaterThanOrEqual(2);
  });

  it('calls on placeholder contacts, whose numbers (written in several ways) match one real contact, two, or none', () => {
    const placeholders = new Set(contacts.filter(isPlaceholder).map((c) => c.id));
    expect(placeholders.size).toBeGreaterThanOrEqual(6);
    const names = contacts.filter(isPlaceholder).map((c) => `${c.properties['firstname'] ?? ''} ${c.properties['lastname'] ?? ''}`.trim());
    expect(names).toContain('');
    expect(names).toContain('New contact');
    expect(names.some((n) => /^Caller \+1/.test(n))).toBe(true);
    expect(names.some((n) => n !== '' && normalised(n) !== undefined && /^[\d\s()+.-]+$/.test(n))).toBe(true);

    const onPlaceholder = calls.filter((c) => c.associations?.['contacts']?.results.some((r) => placeholders.has(r.id)));
    expect(onPlaceholder.filter((c) => matches(c) === 1).length).toBeGreaterThanOrEqual(5);
    expect(onPlaceholder.filter((c) => matches(c) === 2).length).toBeGreaterThanOrEqual(2);
    expect(onPlaceholder.filter((c) => matches(c) === 0).length).toBeGreaterThanOrEqual(2);
    const numbers = onPlaceholder.map((c) => counterpart(c) ?? '');
    expect(numbers.some((n) => /^\+\d+$/.test(n))).toBe(true);
    expect(numbers.some((n) => /^\(\d{3}\) \d{3}-\d{4}$/.test(n))).toBe(true);
  });

  it('a deactivated owner (listed only with archived=true) owns calls; some calls have no owner', async () => {
    const active = check(await h.req('GET', '/crm/v3/owners?limit=100'), 200, ownerPage).results;
    const gone = check(await h.req('GET', '/crm/v3/owners?limit=100&archived=true'), 200, ownerPage).results;
    expect(gone.length).toBeGreaterThanOrEqual(1);
    const leaver = gone[0];
    expect(leaver?.archived).toBe(true);
    expect(active.map((o) => o.id)).not.toContain(leaver?.id);
    expect(await searchTotal(h, [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: leaver?.id }])).toBeGreaterThanOrEqual(5);
    expect(await searchTotal(h, [{ propertyName: 'hubspot_owner_id', operator: 'NOT_HAS_PROPERTY' }])).toBeGreaterThanOrEqual(5);
  });

  it('completed calls lasting 0 s', async () => {
    const filters = [
      { propertyName: 'hs_call_status', operator: 'EQ', value: 'COMPLETED' },
      { propertyName: 'hs_call_duration', operator: 'EQ', value: '0' },
    ];
    expect(await searchTotal(h, filters)).toBeGreaterThanOrEqual(5);
  });

  it('duplicates: the same external id, or the same numbers, direction and owner seconds apart', () => {
    const byExternalId = new Map<string, HubSpotObject[]>();
    for (const c of calls) {
      const x = c.properties['hs_call_external_id'];
      if (x) byExternalId.set(x, [...(byExternalId.get(x) ?? []), c]);
    }
    const groups = [...byExternalId.values()].filter((g) => g.length > 1);
    expect(groups.length).toBeGreaterThanOrEqual(4);
    expect(groups.some((g) => g.length === 3)).toBe(true);

    const key = (c: HubSpotObject) =>
      ['hs_call_from_number', 'hs_call_to_number', 'hs_call_direction', 'hubspot_owner_id'].map((p) => c.properties[p] ?? '').join('|');
    const at = (c: HubSpotObject) => Date.parse(c.properties['hs_timestamp'] ?? '');
    const sorted = [...calls].sort((a, b) => at(a) - at(b));
    let pairs = 0;
    sorted.forEach((a, i) => {
      for (const b of sorted.slice(i + 1)) {
        if (at(b) - at(a) > 10_000) break;
        const sameExternal = a.properties['hs_call_external_id'] && a.properties['hs_call_external_id'] === b.properties['hs_call_external_id'];
        if (key(a) === key(b) && !sameExternal) pairs += 1;
      }
    });
    expect(pairs).toBeGreaterThanOrEqual(3);
  });

  it('missed inbound calls, some called back within days (to the number written differently), some not', () => {
    const missedOutcomes = new Set([OUTCOME['No answer'], OUTCOME['Busy'], OUTCOME['Left voicemail']]);
    const at = (c: HubSpotObject) => Date.parse(c.properties['hs_timestamp'] ?? '');
    const missed = calls.filter(
      (c) =>
        c.properties['hs_call_direction'] === 'INBOUND' &&
        (['NO_ANSWER', 'BUSY', 'MISSED'].includes(c.properties['hs_call_status'] ?? '') || missedOutcomes.has(c.properties['hs_call_disposition'])),
    );
    const outbound = calls.filter((c) => c.properties['hs_call_direction'] === 'OUTBOUND').map((c) => ({ call: c, to: normalised(counterpart(c)) }));
    const callBack = (m: HubSpotObject, days: number) => {
      const from = normalised(counterpart(m));
      return outbound.find((o) => o.to === from && at(o.call) > at(m) && at(o.call) <= at(m) + days * DAY)?.call;
    };
    const answered = missed.filter((m) => callBack(m, 7));
    expect(answered.length).toBeGreaterThanOrEqual(3);
    expect(missed.length - answered.length).toBeGreaterThanOrEqual(4);
    expect(missed.filter((m) => callBack(m, 14)).length).toBeGreaterThan(answered.length);
    expect(answered.some((m) => counterpart(callBack(m, 7) ?? m) !== counterpart(m))).toBe(true);
  });
});

describe('the demo calls pass the mock’s own validation', () => {
  it('each, created anew with its writable properties, is accepted; but for the deactivated owner and the unknown outcome', async () => {
    const h = harness({ seed: 'demo' });
    try {
      const defs = check(await h.req('GET', '/crm/v3/properties/calls'), 200, propertyList).results;
      const writable = defs.filter((d) => d.modificationMetadata?.readOnlyValue === false).map((d) => d.name);
      const calls = await all(h, 'calls', writable);
      const refused = new Map<string, number>();
      for (const call of calls) {
        const properties = Object.fromEntries(Object.entries(call.properties).filter(([name]) => writable.includes(name)));
        const res = await h.req('POST', '/crm/v3/objects/calls', { properties });
        if (res.status === 201) {
          check(res, 201, hubSpotObject);
          continue;
        }
        const problems = check(res, 400, errorBody).errors ?? [];
        expect(problems.length, `call ${call.id}: ${res.text}`).toBeGreaterThan(0);
        for (const p of problems) {
          const what = `${p.in ?? ''} ${p.code ?? ''}`;
          refused.set(what, (refused.get(what) ?? 0) + 1);
        }
      }
      expect([...refused.keys()].sort()).toEqual(['hs_call_disposition INVALID_OPTION', 'hubspot_owner_id INVALID_OWNER_ID']);
    } finally {
      h.close();
    }
  });
});
