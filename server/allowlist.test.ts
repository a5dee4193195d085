/**
 * The proxy's allowlist: for each HUBSPOT_API_VERSION, exactly the requests the app makes in that
 * version's family (and dispositions), nothing from another family, no write the app does not make.
 */
import { describe, expect, it } from 'vitest';
import { createAllowlist } from './allowlist.ts';

type Request = [method: string, path: string];

/** Call outcomes: the dispositions beta (its own version) and the legacy list, in every family. */
const OUTCOMES: Request[] = [
  ['GET', '/crm/extensions/calling/2027-03-beta/dispositions'],
  ['GET', '/calling/v1/dispositions'],
];

/** Every request the app makes, in the 2026-09 family (the tables below for 2026-03 swap the date). */
const DATED_2026_09: Request[] = [
  ['GET', '/crm/objects/2026-09/calls'],
  ['POST', '/crm/objects/2026-09/calls'],
  ['GET', '/crm/objects/2026-09/calls/123'],
  ['PATCH', '/crm/objects/2026-09/calls/123'],
  ['DELETE', '/crm/objects/2026-09/calls/123'],
  ['POST', '/crm/objects/2026-09/calls/search'],
  ['POST', '/crm/objects/2026-09/calls/batch/update'],
  ['POST', '/crm/objects/2026-09/calls/batch/archive'],
  ['POST', '/crm/objects/2026-09/calls/batch/read'],
  ['POST', '/crm/associations/2026-09/calls/contacts/batch/create'],
  ['POST', '/crm/associations/2026-09/calls/companies/batch/archive'],
  ['POST', '/crm/objects/2026-09/contacts/search'],
  ['POST', '/crm/objects/2026-09/tickets/batch/read'],
  ['GET', '/crm/objects/2026-09/companies'],
  ['GET', '/crm/objects/2026-09/deals/7'],
  ['PATCH', '/crm/objects/2026-09/companies/7'],
  ['PUT', '/crm/objects/2026-09/calls/1/associations/deals/9'],
  ['DELETE', '/crm/objects/2026-09/calls/1/associations/tickets/9'],
  ['POST', '/crm/associations/2026-09/calls/contacts/batch/read'],
  ['GET', '/crm/associations/2026-09/calls/companies/labels'],
  ['GET', '/crm/properties/2026-09/calls'],
  ['GET', '/crm/properties/2026-09/calls/groups'],
  ['GET', '/crm/properties/2026-09/deals/dealstage'],
  ['GET', '/crm/owners/2026-09'],
  ['GET', '/account-info/2026-09/details'],
  ['GET', '/crm/extensions/calling/2026-09/transcripts/55'],
  ...OUTCOMES,
];
const DATED_2026_03 = DATED_2026_09.map(([method, path]): Request => [method, path.replace('2026-09', '2026-03')]);

const LEGACY: Request[] = [
  ['GET', '/crm/v3/objects/calls'],
  ['POST', '/crm/v3/objects/calls'],
  ['GET', '/crm/v3/objects/calls/123'],
  ['PATCH', '/crm/v3/objects/calls/123'],
  ['DELETE', '/crm/v3/objects/calls/123'],
  ['POST', '/crm/v3/objects/calls/search'],
  ['POST', '/crm/v3/objects/calls/batch/update'],
  ['POST', '/crm/v3/objects/calls/batch/archive'],
  ['POST', '/crm/v3/objects/calls/batch/read'],
  ['POST', '/crm/v4/associations/calls/contacts/batch/create'],
  ['POST', '/crm/v4/associations/calls/companies/batch/archive'],
  ['POST', '/crm/v3/objects/contacts/search'],
  ['POST', '/crm/v3/objects/tickets/batch/read'],
  ['GET', '/crm/v3/objects/companies'],
  ['GET', '/crm/v3/objects/deals/7'],
  ['PATCH', '/crm/v3/objects/companies/7'],
  ['PUT', '/crm/v4/objects/calls/1/associations/deals/9'],
  ['DELETE', '/crm/v4/objects/calls/1/associations/tickets/9'],
  ['POST', '/crm/v4/associations/calls/contacts/batch/read'],
  ['GET', '/crm/v4/associations/calls/companies/labels'],
  ['GET', '/crm/v3/properties/calls'],
  ['GET', '/crm/v3/properties/calls/groups'],
  ['GET', '/crm/v3/properties/deals/dealstage'],
  ['GET', '/crm/v3/owners'],
  ['GET', '/account-info/v3/details'],
  ['GET', '/crm/v3/extensions/calling/transcripts/55'],
  ...OUTCOMES,
];

/** Requests the app never makes, in the 2026-09 family. */
const REFUSED_2026_09: Request[] = [
  ['GET', '/crm/objects/2026-09/emails'],
  ['GET', '/crm/objects/2026-09/notes/1'],
  ['POST', '/crm/objects/2026-09/contacts'],
  ['DELETE', '/crm/objects/2026-09/contacts/1'],
  ['POST', '/crm/objects/2026-09/calls/batch/create'],
  ['POST', '/crm/objects/2026-09/calls/batch/upsert'],
  ['GET', '/crm/objects/2026-09/calls/1/associations/contacts'],
  ['PUT', '/crm/objects/2026-09/calls/1/associations/default/contacts/2'],
  ['PUT', '/crm/objects/2026-09/contacts/2/associations/calls/1'],
  ['PUT', '/crm/objects/2026-09/calls/1/associations/emails/2'],
  ['POST', '/crm/associations/2026-09/contacts/calls/batch/create'],
  ['POST', '/crm/associations/2026-09/calls/contacts/labels'],
  ['GET', '/crm/associations/2026-09/contacts/companies/labels'],
  ['POST', '/crm/properties/2026-09/calls'],
  ['POST', '/crm/properties/2026-09/calls/batch/read'],
  ['DELETE', '/crm/properties/2026-09/calls/hs_call_title'],
  ['GET', '/crm/owners/2026-09/7'],
  ['GET', '/account-info/2026-09/api-usage/daily/private-apps'],
  ['POST', '/crm/extensions/calling/2026-09/transcripts'],
  ['DELETE', '/crm/extensions/calling/2026-09/transcripts/55'],
  ['GET', '/crm/extensions/calling/2026-09/dispositions'],
  ['POST', '/crm/extensions/calling/2027-03-beta/dispositions'],
  ['PATCH', '/crm/extensions/calling/2027-03-beta/dispositions/8f3c2a61-4b7d-4e19-a0c5-93d2e7f16b48'],
  ['GET', '/crm/extensions/calling/2027-03-beta/dispositions/8f3c2a61'],
  ['POST', '/calling/v1/dispositions'],
  ['GET', '/crm/objects/2026-09/calls/..%2F..%2Fowners'],
  ['GET', '/crm/objects/2026-09/calls/%2e%2e/emails'],
  ['GET', '/crm/objects/2026-09//calls'],
  ['POST', '/oauth/v1/token'],
];
const REFUSED_LEGACY: Request[] = [
  ['GET', '/crm/v3/objects/emails'],
  ['GET', '/crm/v3/objects/notes/1'],
  ['POST', '/crm/v3/objects/contacts'],
  ['DELETE', '/crm/v3/objects/contacts/1'],
  ['POST', '/crm/v3/objects/calls/batch/create'],
  ['GET', '/crm/v4/objects/calls/1/associations/contacts'],
  ['GET', '/crm/v3/objects/calls/1/associations/contacts'],
  ['PUT', '/crm/v3/objects/calls/1/associations/contacts/2/194'],
  ['PUT', '/crm/v4/objects/calls/1/associations/default/contacts/2'],
  ['PUT', '/crm/v4/objects/contacts/2/associations/calls/1'],
  ['POST', '/crm/v4/associations/contacts/calls/batch/create'],
  ['GET', '/crm/associations/v4/calls/contacts/labels'],
  ['POST', '/crm/v3/properties/calls'],
  ['POST', '/crm/v3/properties/calls/batch/read'],
  ['DELETE', '/crm/v3/properties/calls/hs_call_title'],
  ['GET', '/account-info/v3/api-usage/daily'],
  ['POST', '/crm/v3/extensions/calling/transcripts'],
  ['POST', '/crm/extensions/calling/2027-03-beta/dispositions'],
  ['GET', '/crm/v3/objects/calls/..%2F..%2Fowners'],
  ['GET', '/crm/v3/objects/calls/%2e%2e/emails'],
  ['POST', '/oauth/v1/token'],
];
const REFUSED = {
  '2026-09': REFUSED_2026_09,
  '2026-03': REFUSED_2026_09.map(([method, path]): Request => [method, path.replace('2026-09', '2026-03')]),
  legacy: REFUSED_LEGACY,
};

const FAMILIES = { '2026-09': DATED_2026_09, '2026-03': DATED_2026_03, legacy: LEGACY } as const;
const verdicts = (allowed: (m: string, p: string) => boolean, requests: readonly Request[]) => requests.map(([m, p]) => `${m} ${p} ${allowed(m, p)}`);

describe.each(Object.keys(FAMILIES) as (keyof typeof FAMILIES)[])('HUBSPOT_API_VERSION=%s', (version) => {
  const list = createAllowlist(version);
  const own = FAMILIES[version];

  it('forwards every request the app makes in this family', () => {
    expect(verdicts(list.isAllowed, own)).toEqual(own.map(([m, p]) => `${m} ${p} true`));
  });

  it('forwards nothing of the other families (call outcomes aside)', () => {
    const others = Object.entries(FAMILIES)
      .filter(([v]) => v !== version)
      .flatMap(([, requests]) => requests)
      .filter(([m, p]) => !OUTCOMES.some(([om, op]) => om === m && op === p));
    expect(verdicts(list.isAllowed, others)).toEqual(others.map(([m, p]) => `${m} ${p} false`));
  });

  it('refuses what the app does not do in this family: other objects, other writes, metadata writes, escapes', () => {
    const refused = REFUSED[version];
    expect(verdicts(list.isAllowed, refused)).toEqual(refused.map(([m, p]) => `${m} ${p} false`));
  });

  it.each(['contacts', 'companies', 'deals', 'tickets'])('lets a PATCH of %s change only the pin', (type) => {
    const path = own.find(([m, p]) => m === 'PATCH' && p.endsWith('/companies/7'))?.[1].replace('companies', type) ?? '';
    expect(list.bodyRefusal('PATCH', path, '{"properties":{"hs_pinned_engagement_id":"42"}}')).toBeUndefined();
    expect(list.bodyRefusal('PATCH', path, '{"properties":{"hs_pinned_engagement_id":""}}')).toBeUndefined();
    expect(list.bodyRefusal('PATCH', path, '{"properties":{"email":"attacker@example.com"}}')).toBe(
      `The proxy only lets this app change hs_pinned_engagement_id on ${type}; the request also changes email.`,
    );
    expect(list.bodyRefusal('PATCH', path, 'not json')).toBe('The proxy checks what this request changes, and its body is not valid JSON.');
  });

  it('lets a call be changed freely', () => {
    const path = own.find(([m, p]) => m === 'PATCH' && p.endsWith('/calls/123'))?.[1] ?? '';
    expect(list.bodyRefusal('PATCH', path, '{"properties":{"hs_call_title":"x","hs_call_body":"y"}}')).toBeUndefined();
  });
});

describe('the 2026-09 family', () => {
  it('has no per-object association list, so neither has the allowlist (the app uses the batch read)', () => {
    const list = createAllowlist('2026-09');
    expect(list.isAllowed('GET', '/crm/objects/2026-09/calls/1/associations/contacts')).toBe(false);
    expect(list.isAllowed('POST', '/crm/associations/2026-09/calls/contacts/batch/read')).toBe(true);
  });
});
