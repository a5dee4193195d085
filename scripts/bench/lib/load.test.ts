/**
 * The benchmarks' load generator writes HTTP/1.1 itself: each check must see exactly the bytes the
 * server sent, requests must go out as built, and what it cannot count as a success (a non-2xx
 * answer, a failed check, an answer it cannot frame) must count as an error with its reason.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad, startsWith } from './load';

// larger than one socket read, and not ASCII
const BIG = Buffer.from(`{"results":[${'"Appel à Zoë — ✓",'.repeat(8000)}null]}`, 'utf8');

let base = '';
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const json = (status: number, body: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...extra });
      res.end(body);
    };
    if (req.url === '/big') {
      res.writeHead(200, { 'content-length': BIG.length });
      res.end(BIG);
    } else if (req.url?.startsWith('/echo')) {
      json(200, JSON.stringify({ method: req.method, url: req.url, auth: req.headers.authorization, type: req.headers['content-type'], body: Buffer.concat(chunks).toString() }));
    } else if (req.url === '/fail') {
      json(503, 'busy');
    } else if (req.url === '/close') {
      json(200, '{}', { connection: 'close' });
    } else {
      // no Content-Length: Node sends it chunked
      res.writeHead(200);
      res.write('{"a":');
      res.end('1}');
    }
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('runLoad', () => {
  it('hands every check the exact bytes of the answer, on every connection', async () => {
    const seen: boolean[] = [];
    const r = await runLoad({
      base,
      connections: 3,
      durationMs: 60_000,
      maxRequests: 30,
      next: () => ({ path: '/big' }),
      onResponse: (_w, body) => {
        seen.push(body.equals(BIG));
        return startsWith(body, '{"results":["Appel');
      },
    });
    expect(r.errors).toBe(0);
    expect(r.requests).toBeGreaterThanOrEqual(30);
    expect(seen).toHaveLength(r.requests);
    expect(seen.every(Boolean)).toBe(true);
    expect(r.samples).toHaveLength(r.requests);
  });

  it('sends each request as built, numbering each connection’s requests from 0', async () => {
    const numbers = new Map<number, number[]>();
    const answers: unknown[] = [];
    const r = await runLoad({
      base,
      connections: 2,
      durationMs: 60_000,
      maxRequests: 6,
      next: (w, n) => {
        numbers.set(w, [...(numbers.get(w) ?? []), n]);
        return { method: 'POST', path: `/echo?w=${w}&n=${n}`, headers: { authorization: 'Bearer t' }, body: `{"n":${n},"text":"été"}` };
      },
      onResponse: (_w, body) => answers.push(JSON.parse(body.toString('utf8'))) > 0,
    });
    expect(r.errors).toBe(0);
    expect([...numbers.keys()].sort()).toEqual([0, 1]);
    for (const ns of numbers.values()) expect(ns).toEqual(ns.map((_, i) => i));
    expect(answers).toContainEqual({ method: 'POST', url: '/echo?w=1&n=0', auth: 'Bearer t', type: 'application/json', body: '{"n":0,"text":"été"}' });
  });

  it('counts a non-2xx answer and a failed check as errors, with the first reason', async () => {
    const failed = await runLoad({ base, connections: 2, durationMs: 60_000, maxRequests: 4, next: () => ({ path: '/fail' }) });
    expect(failed.requests).toBe(0);
    expect(failed.errors).toBeGreaterThanOrEqual(4);
    expect(failed.firstError).toBe('HTTP 503: busy');

    const rejected = await runLoad({ base, connections: 1, durationMs: 60_000, maxRequests: 2, next: () => ({ path: '/echo' }), onResponse: () => false });
    expect(rejected.requests).toBe(0);
    expect(rejected.firstError).toMatch(/^unexpected answer: \{"method":"GET"/);
  });

  it('refuses an answer without Content-Length rather than guess where it ends', async () => {
    const r = await runLoad({ base, connections: 1, durationMs: 60_000, maxRequests: 2, next: () => ({ path: '/chunked' }) });
    expect(r.requests).toBe(0);
    expect(r.firstError).toMatch(/without Content-Length/);
  });

  it('opens a new connection when the server closes one', async () => {
    const r = await runLoad({ base, connections: 2, durationMs: 60_000, maxRequests: 10, next: () => ({ path: '/close' }) });
    expect(r.errors).toBe(0);
    expect(r.requests).toBeGreaterThanOrEqual(10);
  });
});
