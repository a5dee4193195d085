/** A credential lacking scopes (`createMockApp({ scopes })`): HubSpot's 403 MISSING_SCOPES, for both path families. */
import { describe, expect, it } from 'vitest';
import { checkError, useHarness, type Res } from './helpers';

/** Asserts HubSpot's MISSING_SCOPES answer naming `scope`. */
function expectMissing(res: Res, scope: string): void {
  const body = checkError(res, 403, 'MISSING_SCOPES');
  expect(body.message).toBe(
    "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
  );
  expect(body.errors).toEqual([{ message: 'One or more of the following scopes are required.', context: { requiredScopes: [scope] } }]);
  expect(body.links).toEqual({ scopes: 'https://developers.hubspot.com/scopes' });
  expect(res.headers.get('x-hubspot-correlation-id')).toBe(body.correlationId);
}

describe('a credential with only the contacts and companies read scopes', () => {
  const h = useHarness({ seed: 'demo', app: { scopes: ['crm.objects.contacts.read', 'crm.objects.companies.read'] } });

  it('reads calls, contacts and companies (calls are covered by the contacts scopes)', async () => {
    for (const path of ['/crm/v3/objects/calls?limit=1', '/crm/v3/objects/contacts?limit=1', '/crm/v3/objects/companies?limit=1', '/crm/v3/properties/calls']) {
      expect(`${path} ${(await h.req('GET', path)).status}`).toBe(`${path} 200`);
    }
    expect((await h.req('POST', '/crm/v3/objects/calls/search', { limit: 1 })).status).toBe(200);
    expect((await h.req('POST', '/crm/v3/objects/calls/batch/read', { inputs: [] })).status).not.toBe(403);
    expect((await h.req('GET', '/calling/v1/dispositions')).status).toBe(200);
  });

  it('refuses what needs another scope, naming it', async () => {
    expectMissing(await h.req('GET', '/crm/v3/objects/deals?limit=1'), 'crm.objects.deals.read');
    expectMissing(await h.req('GET', '/crm/v3/objects/0-5?limit=1'), 'tickets');
    expectMissing(await h.req('GET', '/crm/v3/owners'), 'crm.objects.owners.read');
    expectMissing(await h.req('GET', '/crm/v3/owners/'), 'crm.objects.owners.read');
    expectMissing(await h.req('GET', '/account-info/v3/details'), 'oauth');
    expectMissing(await h.req('GET', '/crm/v3/extensions/calling/transcripts/1'), 'crm.extensions_calling_transcripts.read');
    expectMissing(await h.req('GET', '/crm/v3/properties/deals/dealstage'), 'crm.objects.deals.read');
  });

  it('refuses writes without the write scope, and changes nothing', async () => {
    const call = (await h.req('GET', '/crm/v3/objects/calls?limit=1&properties=hs_call_title')).body as { results: { id: string; properties: { hs_call_title: string } }[] };
    const { id, properties } = call.results[0]!;
    expectMissing(await h.req('PATCH', `/crm/v3/objects/calls/${id}`, { properties: { hs_call_title: 'Changed' } }), 'crm.objects.contacts.write');
    expectMissing(await h.req('POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: '2026-01-15T10:00:00Z' } }), 'crm.objects.contacts.write');
    expectMissing(await h.req('POST', '/crm/v3/objects/calls/batch/archive', { inputs: [{ id }] }), 'crm.objects.contacts.write');
    expectMissing(await h.req('DELETE', `/crm/v3/objects/calls/${id}`), 'crm.objects.contacts.write');
    const after = (await h.req('GET', `/crm/v3/objects/calls/${id}?properties=hs_call_title`)).body as { properties: { hs_call_title: string } };
    expect(after.properties.hs_call_title).toBe(properties.hs_call_title);
  });

  it('needs the scopes of both object types for associations', async () => {
    expect((await h.req('GET', '/crm/v4/objects/calls/1/associations/contacts')).status).not.toBe(403);
    expectMissing(await h.req('GET', '/crm/v4/objects/calls/1/associations/deals'), 'crm.objects.deals.read');
    expectMissing(await h.req('POST', '/crm/v4/associations/calls/tickets/batch/read', { inputs: [{ id: '1' }] }), 'tickets');
    expectMissing(await h.req('GET', '/crm/v4/associations/calls/deals/labels'), 'crm.objects.deals.read');
    expectMissing(await h.req('GET', '/crm/associations/v4/calls/deals/labels'), 'crm.objects.deals.read');
    expectMissing(await h.req('PUT', '/crm/v4/objects/calls/1/associations/contacts/2', [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }]), 'crm.objects.contacts.write');
    expectMissing(await h.req('PUT', '/crm/v3/objects/calls/1/associations/companies/2/182'), 'crm.objects.contacts.write');
  });

  it('guards the date-versioned families the same way', async () => {
    expectMissing(await h.req('GET', '/crm/objects/2026-09/deals?limit=1'), 'crm.objects.deals.read');
    expectMissing(await h.req('PATCH', '/crm/objects/2026-09/calls/1', { properties: {} }), 'crm.objects.contacts.write');
    expectMissing(await h.req('PUT', '/crm/objects/2026-09/calls/1/associations/default/companies/2'), 'crm.objects.contacts.write');
    expectMissing(await h.req('GET', '/crm/objects/2026-03/calls/1/associations/tickets'), 'tickets');
    expectMissing(await h.req('POST', '/crm/associations/2026-09/calls/deals/batch/read', { inputs: [] }), 'crm.objects.deals.read');
    expectMissing(await h.req('GET', '/crm/properties/2026-09/tickets'), 'tickets');
    expectMissing(await h.req('GET', '/crm/owners/2026-09'), 'crm.objects.owners.read');
    expectMissing(await h.req('GET', '/account-info/2026-09/details'), 'oauth');
    expectMissing(await h.req('DELETE', '/crm/extensions/calling/2026-09/transcripts/1'), 'crm.extensions_calling_transcripts.write');
    // granted: not refused for scopes (whether the family is served is another matter)
    expect((await h.req('POST', '/crm/objects/2026-09/calls/search', { limit: 1 })).status).not.toBe(403);
    expect((await h.req('GET', '/crm/properties/2026-09/companies')).status).not.toBe(403);
  });

  it('still answers 401 first for a bad token', async () => {
    checkError(await h.req('GET', '/crm/v3/objects/deals', undefined, { authorization: 'Bearer wrong' }), 401, 'INVALID_AUTHENTICATION');
  });
});

describe('the default credential', () => {
  const h = useHarness();
  it('has every scope', async () => {
    for (const path of ['/crm/v3/objects/deals?limit=1', '/crm/v3/objects/tickets?limit=1', '/crm/v3/owners']) {
      expect(`${path} ${(await h.req('GET', path)).status}`).toBe(`${path} 200`);
    }
  });
});
