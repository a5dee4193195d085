/**
 * Call outcomes: HubSpot's dispositions API (`/crm/extensions/calling/2027-03-beta/dispositions`, an
 * allowlisted beta with archived outcomes) beside the legacy `/calling/v1/dispositions` (active only).
 * Neither is in a published spec; the bodies are checked against the shapes in hubspot-api-notes.md §6 and §12.
 */
import { describe, expect, it } from 'vitest';
import { check, checkError, DEFAULT_DISPOSITIONS, harness, useHarness } from './helpers';
import { dispositionBeta, dispositionBetaList, dispositionList, propertyDefinition, searchPage } from './schemas';

const BETA = '/crm/extensions/calling/2027-03-beta/dispositions';
const LEGACY = '/calling/v1/dispositions';
const ARCHIVED_DEMO_OUTCOME = '8f3c2a61-4b7d-4e19-a0c5-93d2e7f16b48';

describe('dispositions API (2027-03-beta)', () => {
  const h = useHarness({ seed: 'demo' });

  it('lists the active outcomes; archived=true lists the archived ones too', async () => {
    const active = check(await h.req('GET', BETA), 200, dispositionBetaList).results;
    const all = check(await h.req('GET', `${BETA}?archived=true`), 200, dispositionBetaList).results;
    expect(active.every((d) => !d.archived)).toBe(true);
    const archived = all.find((d) => d.id === ARCHIVED_DEMO_OUTCOME);
    expect(archived).toMatchObject({ label: 'Callback requested', archived: true, custom: true });
    expect(active.map((d) => d.id)).not.toContain(ARCHIVED_DEMO_OUTCOME);
    for (const [id, label] of Object.entries(DEFAULT_DISPOSITIONS)) {
      expect(all.find((d) => d.id === id)).toMatchObject({ label, custom: false, archived: false });
    }
    expect(all.map((d) => d.displayOrder)).toEqual([...all.map((d) => d.displayOrder)].sort((a, b) => a - b));
  });

  it('the legacy /calling/v1/dispositions lists only the active outcomes', async () => {
    const legacy = check(await h.req('GET', LEGACY), 200, dispositionList);
    const active = check(await h.req('GET', BETA), 200, dispositionBetaList).results;
    expect(legacy.map((d) => [d.id, d.label])).toEqual(active.map((d) => [d.id, d.label]));
    expect(legacy.map((d) => d.id)).not.toContain(ARCHIVED_DEMO_OUTCOME);
  });

  it('demo calls carry the archived outcome', async () => {
    const page = check(
      await h.req('POST', '/crm/v3/objects/calls/search', {
        limit: 10,
        properties: ['hs_call_disposition'],
        filterGroups: [{ filters: [{ propertyName: 'hs_call_disposition', operator: 'EQ', value: ARCHIVED_DEMO_OUTCOME }] }],
      }),
      200,
      searchPage,
    );
    expect(page.total).toBeGreaterThan(0);
  });
});

describe('dispositions API writes', () => {
  it('creates a custom outcome (201), last in the order, offered by the legacy list and the property options', async () => {
    const h = harness();
    try {
      const made = check(await h.req('POST', BETA, { label: 'Sent brochure' }), 201, dispositionBeta);
      expect(made).toMatchObject({ label: 'Sent brochure', custom: true, archived: false });
      const all = check(await h.req('GET', BETA), 200, dispositionBetaList).results;
      expect(all.at(-1)?.id).toBe(made.id);
      expect(check(await h.req('GET', LEGACY), 200, dispositionList).map((d) => d.label)).toContain('Sent brochure');
      const prop = check(await h.req('GET', '/crm/v3/properties/calls/hs_call_disposition'), 200, propertyDefinition);
      expect(prop.options.find((o) => o.value === made.id)).toMatchObject({ label: 'Sent brochure', hidden: false });
    } finally {
      h.close();
    }
  });

  it('PATCH renames, reorders and archives; an archived outcome leaves the legacy list and is hidden in the options', async () => {
    const h = harness();
    try {
      const made = check(await h.req('POST', BETA, { label: 'Gatekeeper' }), 201, dispositionBeta);
      h.clock.advance(1000);
      const renamed = check(await h.req('PATCH', `${BETA}/${made.id}`, { label: 'Reached gatekeeper', displayOrder: 0 }), 200, dispositionBeta);
      expect(renamed).toMatchObject({ id: made.id, label: 'Reached gatekeeper', displayOrder: 0, archived: false });
      expect(Date.parse(renamed.updatedAt)).toBeGreaterThan(Date.parse(made.updatedAt));
      expect(check(await h.req('GET', BETA), 200, dispositionBetaList).results[0]?.id).toBe(made.id);

      const archived = check(await h.req('PATCH', `${BETA}/${made.id}`, { archived: true }), 200, dispositionBeta);
      expect(archived).toMatchObject({ label: 'Reached gatekeeper', archived: true });
      expect(check(await h.req('GET', BETA), 200, dispositionBetaList).results.map((d) => d.id)).not.toContain(made.id);
      expect(check(await h.req('GET', `${BETA}?archived=true`), 200, dispositionBetaList).results.map((d) => d.id)).toContain(made.id);
      expect(check(await h.req('GET', LEGACY), 200, dispositionList).map((d) => d.id)).not.toContain(made.id);
      const prop = check(await h.req('GET', '/crm/v3/properties/calls/hs_call_disposition'), 200, propertyDefinition);
      expect(prop.options.find((o) => o.value === made.id)?.hidden).toBe(true);
    } finally {
      h.close();
    }
  });

  it('refuses a blank label (400), a second active outcome with the same label (409) and an unknown id (404)', async () => {
    const h = harness();
    try {
      checkError(await h.req('POST', BETA, { label: '  ' }), 400, 'VALIDATION_ERROR');
      checkError(await h.req('POST', BETA, {}), 400, 'VALIDATION_ERROR');
      checkError(await h.req('POST', BETA, { label: 'busy' }), 409, 'CONFLICT');
      checkError(await h.req('PATCH', `${BETA}/00000000-0000-4000-8000-000000000000`, { label: 'x' }), 404, 'OBJECT_NOT_FOUND');
      checkError(await h.req('PATCH', `${BETA}/${Object.keys(DEFAULT_DISPOSITIONS)[0]}`, { displayOrder: -1 }), 400, 'VALIDATION_ERROR');
    } finally {
      h.close();
    }
  });

  it('an app outside the beta is refused with 403; the legacy list still answers', async () => {
    const h = harness({ app: { dispositionsBeta: false } });
    try {
      checkError(await h.req('GET', `${BETA}?archived=true`), 403, 'FORBIDDEN');
      checkError(await h.req('POST', BETA, { label: 'Sent brochure' }), 403, 'FORBIDDEN');
      expect(check(await h.req('GET', LEGACY), 200, dispositionList).length).toBeGreaterThanOrEqual(6);
    } finally {
      h.close();
    }
  });
});
