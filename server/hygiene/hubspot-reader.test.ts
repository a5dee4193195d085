/** The hygiene reader's manners toward HubSpot: its rate limits, 429s and read-only requests (no real waiting: a fake clock). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Upstream } from '../proxy.ts';
import { createHubSpotReader } from './hubspot-reader.ts';

function fakeHubSpot(answer: (request: Request, n: number) => Response) {
  let clock = 0;
  const seen: { at: number; method: string; url: string; auth: string | null }[] = [];
  const upstream: Upstream = {
    mode: 'hubspot',
    host: 'api.example',
    baseUrl: 'https://api.example',
    token: 'secret-token',
    fetch: async (request) => {
      seen.push({ at: clock, method: request.method, url: request.url, auth: request.headers.get('authorization') });
      return answer(request, seen.length);
    },
  };
  const reader = createHubSpotReader({
    upstream,
    apiVersion: '2026-03',
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
  });
  return { reader, seen };
}

const ok = () => new Response('{"results":[]}', { status: 200 });
const anything = z.unknown();

describe('HubSpot reader', () => {
  it('sends at most 190 requests per 10 s and 5 searches per second, with the token, in the configured API family', async () => {
    const { reader, seen } = fakeHubSpot(ok);
    for (let i = 0; i < 200; i += 1) await reader.get(reader.paths.objects('calls'), { limit: '100' }, anything);
    expect(seen[0]).toMatchObject({ method: 'GET', url: 'https://api.example/crm/objects/2026-03/calls?limit=100', auth: 'Bearer secret-token' });
    expect(seen[189]?.at).toBe(0);
    expect(seen[190]?.at).toBe(10_000);
    for (let i = 0; i < 6; i += 1) await reader.post(reader.paths.objectSearch('calls'), {}, anything);
    const searches = seen.slice(200).map((s) => s.at);
    expect(searches[5]! - searches[0]!).toBe(1000);
    expect(reader.requests).toBe(206);
  });

  it('waits for Retry-After on a 429 and tries again', async () => {
    const { reader, seen } = fakeHubSpot((_r, n) =>
      n === 1 ? new Response('{"status":"error","policyName":"TEN_SECONDLY_ROLLING"}', { status: 429, headers: { 'retry-after': '3' } }) : ok(),
    );
    expect(await reader.get(reader.paths.owners(), {}, anything)).toEqual({ results: [] });
    expect(seen.map((s) => s.at)).toEqual([0, 3000]);
  });

  it('reports HubSpot’s error message for other failures, without retrying', async () => {
    const { reader, seen } = fakeHubSpot(() => new Response('{"status":"error","message":"This app lacks crm.objects.contacts.read","category":"MISSING_SCOPES"}', { status: 403 }));
    await expect(reader.get(reader.paths.objects('calls'), {}, anything)).rejects.toThrow('HubSpot answered 403 to GET /crm/objects/2026-03/calls: This app lacks crm.objects.contacts.read');
    expect(seen).toHaveLength(1);
  });
});
