/**
 * The proxy's 502 tells the browser whether a write may have been applied: a failed connect sent
 * nothing (BAD_GATEWAY), a connection lost after sending is ambiguous (UPSTREAM_CONNECTION_LOST).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './free-port.ts';
import { createProxyApp, httpUpstream } from './proxy.ts';

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

/** An upstream that reads the whole request (so it was delivered), then breaks the connection as told. */
async function breakingUpstream(breakIt: (res: ServerResponse) => void): Promise<{ url: string; received: string[] }> {
  const received: string[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(`${req.method} ${req.url} ${body}`);
      breakIt(res);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const create = (proxy: ReturnType<typeof createProxyApp>) =>
  proxy.request('/hubspot/crm/v3/objects/calls', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ properties: { hs_call_title: 'Maybe saved' } }),
  });

describe('proxy 502: sent or not', () => {
  it('says nothing was sent when HubSpot cannot be connected to', async () => {
    const port = await freePort();
    const res = await create(createProxyApp({ apiVersion: 'legacy', upstream: httpUpstream(`http://127.0.0.1:${port}`), timeoutMs: 2000 }));
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ status: 'error', category: 'BAD_GATEWAY', message: `Could not reach HubSpot (127.0.0.1:${port}): ECONNREFUSED.` });
  });

  it('says the write may have been applied when the connection is reset after the request was delivered', async () => {
    const upstream = await breakingUpstream((res) => res.socket?.destroy());
    const res = await create(createProxyApp({ apiVersion: 'legacy', upstream: httpUpstream(upstream.url), timeoutMs: 2000 }));
    expect(upstream.received).toEqual(['POST /crm/v3/objects/calls {"properties":{"hs_call_title":"Maybe saved"}}']);
    expect(res.status).toBe(502);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'error', category: 'UPSTREAM_CONNECTION_LOST' });
    expect(body.message).toMatch(/may or may not have been applied/);
  });

  it('says the write may have been applied when the answer breaks off half way', async () => {
    const upstream = await breakingUpstream((res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"id":"1');
      setImmediate(() => res.socket?.destroy());
    });
    const res = await create(createProxyApp({ apiVersion: 'legacy', upstream: httpUpstream(upstream.url), timeoutMs: 2000 }));
    expect(upstream.received).toHaveLength(1);
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ category: 'UPSTREAM_CONNECTION_LOST' });
  });
});
