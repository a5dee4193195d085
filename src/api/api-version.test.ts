/** HubSpot requests speak the API version our server reports, asked once (and again after a failure). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getCall } from './calls';
import { forgetApiVersion } from './api-version';
import { getOwners } from './metadata';

const call = (id: string) => ({ id, properties: {}, createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z', archived: false });

/** Our server: `/hubspot-connection` answers `connection` (or fails `failures` times first); HubSpot paths answer a call or no owners. */
function server(connection: unknown, failures = 0) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      const path = url.split('?')[0] ?? '';
      if (path === '/hubspot-connection') {
        if (failures-- > 0) return Response.json({ status: 'error', message: 'boom', correlationId: 'c', category: 'INTERNAL' }, { status: 500 });
        return Response.json(connection);
      }
      if (path.includes('owners')) return Response.json({ results: [] });
      return Response.json(call(path.split('/').at(-1) ?? ''));
    }),
  );
  return urls;
}

beforeEach(() => forgetApiVersion());
afterEach(() => vi.unstubAllGlobals());

describe('the API version', () => {
  it('comes from /hubspot-connection, asked once for all requests, also concurrent ones', async () => {
    const urls = server({ mode: 'hubspot', host: 'api.hubapi.com', apiVersion: '2026-03' });
    await Promise.all([getCall('1', { properties: ['hs_call_title'] }), getCall('2', { properties: ['hs_call_title'] }), getOwners()]);
    await getCall('3', { properties: ['hs_call_title'] });
    expect(urls).toEqual([
      '/hubspot-connection',
      '/hubspot/crm/objects/2026-03/calls/1?properties=hs_call_title',
      '/hubspot/crm/objects/2026-03/calls/2?properties=hs_call_title',
      '/hubspot/crm/owners/2026-03?limit=100',
      '/hubspot/crm/objects/2026-03/calls/3?properties=hs_call_title',
    ]);
  });

  it('selects the legacy paths when the server speaks legacy', async () => {
    const urls = server({ mode: 'mock', host: 'embedded', apiVersion: 'legacy' });
    await getCall('1', { properties: ['hs_call_title'] });
    expect(urls).toEqual(['/hubspot-connection', '/hubspot/crm/v3/objects/calls/1?properties=hs_call_title']);
  });

  it('is asked again after a failure, which fails the request that waited for it', async () => {
    const urls = server({ mode: 'mock', host: 'embedded', apiVersion: '2026-09' }, 1);
    await expect(getCall('1', { properties: ['hs_call_title'] })).rejects.toMatchObject({ status: 500 });
    await expect(getCall('1', { properties: ['hs_call_title'] })).resolves.toMatchObject({ id: '1' });
    expect(urls).toEqual(['/hubspot-connection', '/hubspot-connection', '/hubspot/crm/objects/2026-09/calls/1?properties=hs_call_title']);
  });

  it('sends nothing to HubSpot when the server names a version the app does not know', async () => {
    const urls = server({ mode: 'hubspot', host: 'api.hubapi.com', apiVersion: '2027-03' });
    await expect(getCall('1')).rejects.toMatchObject({ category: 'INVALID_RESPONSE' });
    expect(urls).toEqual(['/hubspot-connection']);
  });
});
