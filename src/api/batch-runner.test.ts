import { describe, expect, it } from 'vitest';
import { HubSpotApiError } from './errors';
import { chunk, runBulk, type ChunkWork } from './batch-runner';

/**
 * HubSpot's all-or-nothing batch: one bad record refuses the whole batch (400) and applies nothing. With
 * `names`, the refusal names the bad records as HubSpot's error does (`errors[].context.ids`); without,
 * it only says that something was wrong. Records every batch it was sent and whether two overlapped.
 */
function atomicHubSpot(bad: ReadonlySet<string>, { names }: { names: boolean }) {
  const sent: string[][] = [];
  const applied: string[] = [];
  let inFlight = 0;
  let overlapped = false;
  const work: ChunkWork = async (part) => {
    inFlight++;
    overlapped ||= inFlight > 1;
    sent.push(part);
    await Promise.resolve();
    inFlight--;
    const refused = part.filter((id) => bad.has(id));
    if (refused.length) {
      const body = names
        ? {
            status: 'error',
            message: 'Property values were not valid',
            category: 'VALIDATION_ERROR',
            context: { ids: refused },
            errors: refused.map((id) => ({ message: `Call ${id}: "Nope" is not a valid outcome`, code: 'INVALID_OPTION', context: { ids: [id] } })),
          }
        : { status: 'error', message: 'Property values were not valid', category: 'VALIDATION_ERROR' };
      throw new HubSpotApiError({ status: 400, category: 'VALIDATION_ERROR', message: body.message, correlationId: 'c-2', body });
    }
    applied.push(...part);
    return new Map();
  };
  return { work, sent, applied, overlapped: () => overlapped };
}

const ids = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1));

describe('bulk runner', () => {
  it('splits work into chunks of 100 and reports every record', async () => {
    const seen: number[] = [];
    const progress: [number, number][] = [];
    const work: ChunkWork = async (part) => {
      seen.push(part.length);
      return new Map(part.filter((id) => id === '150').map((id) => [id, 'Property values were not valid']));
    };
    const report = await runBulk(ids(250), work, { onProgress: (d, t) => progress.push([d, t]) });
    expect(seen).toEqual([100, 100, 50]);
    expect(progress).toEqual([
      [0, 250],
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
    expect(report.succeeded).toHaveLength(249);
    expect(report.failed).toEqual([{ id: '150', reason: 'Property values were not valid' }]);
    expect(report.cancelled).toBe(false);
  });

  it('a batch that fails for a reason no smaller batch changes (a server error) fails each of its records with that message', async () => {
    const sent: number[] = [];
    const work: ChunkWork = async (part) => {
      sent.push(part.length);
      if (part[0] === '101') throw new HubSpotApiError({ status: 503, category: 'HTTP_503', message: 'HubSpot is unavailable.', correlationId: 'c-1' });
      return new Map();
    };
    const report = await runBulk(ids(150), work);
    expect(sent).toEqual([100, 50]);
    expect(report.succeeded).toHaveLength(100);
    expect(report.failed).toHaveLength(50);
    expect(report.failed[0]).toEqual({ id: '101', reason: 'HubSpot is unavailable. (correlation ID c-1)' });
  });

  it('waits out a rate limit (Retry-After) and tries the chunk again', async () => {
    let calls = 0;
    const waits: number[] = [];
    const work: ChunkWork = async () => {
      calls++;
      if (calls === 1) throw new HubSpotApiError({ status: 429, category: 'RATE_LIMIT', message: 'Slow down', retryAfterSeconds: 2 });
      return new Map();
    };
    const report = await runBulk(ids(10), work, { sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([2000]);
    expect(report.succeeded).toHaveLength(10);
  });

  it('keeps four batches in flight, not one after the other', async () => {
    let inFlight = 0;
    let most = 0;
    const work: ChunkWork = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return new Map();
    };
    const report = await runBulk(ids(1000), work);
    expect(most).toBe(4);
    expect(report.succeeded).toHaveLength(1000);
  });

  it('stops between chunks when cancelled', async () => {
    const ac = new AbortController();
    const work: ChunkWork = async () => {
      ac.abort();
      return new Map();
    };
    const report = await runBulk(ids(300), work, { signal: ac.signal });
    expect(report).toEqual({ succeeded: ids(100), failed: [], cancelled: true });
  });

  it('a refused batch that names its bad records: those fail with their own reasons, the rest is sent again and succeeds', async () => {
    const hs = atomicHubSpot(new Set(['3', '7']), { names: true });
    const report = await runBulk(ids(10), hs.work);
    expect(report.failed).toEqual([
      { id: '3', reason: 'Call 3: "Nope" is not a valid outcome (correlation ID c-2)' },
      { id: '7', reason: 'Call 7: "Nope" is not a valid outcome (correlation ID c-2)' },
    ]);
    expect(report.succeeded.sort((a, b) => Number(a) - Number(b))).toEqual(['1', '2', '4', '5', '6', '8', '9', '10']);
    expect(hs.applied.sort()).toEqual(report.succeeded.sort());
    expect(hs.sent.map((p) => p.length)).toEqual([10, 8]);
  });

  it('a refused batch that names nothing is split in halves until each bad record stands alone; requests stay one at a time', async () => {
    const hs = atomicHubSpot(new Set(['6']), { names: false });
    const report = await runBulk(ids(8), hs.work);
    expect(report.failed).toEqual([{ id: '6', reason: 'Property values were not valid (correlation ID c-2)' }]);
    expect(report.succeeded.sort()).toEqual(['1', '2', '3', '4', '5', '7', '8']);
    expect(hs.applied.sort()).toEqual(['1', '2', '3', '4', '5', '7', '8']);
    // 8 refused → 1-4 pass, 5-8 refused → 5-6 refused → 5 passes, 6 fails alone; 7-8 pass
    expect(hs.sent).toEqual([ids(8), ['1', '2', '3', '4'], ['5', '6', '7', '8'], ['5', '6'], ['5'], ['6'], ['7', '8']]);
    expect(hs.overlapped()).toBe(false);
  });

  it('progress counts whole chunks of 100 as they finish; a refused chunk counts once it is narrowed down', async () => {
    const hs = atomicHubSpot(new Set(['150']), { names: false });
    const progress: [number, number][] = [];
    const report = await runBulk(ids(250), hs.work, { onProgress: (d, t) => progress.push([d, t]) });
    expect(report.failed.map((f) => f.id)).toEqual(['150']);
    expect(report.succeeded).toHaveLength(249);
    // The last chunk (50) is sent beside the refused one and finishes first.
    expect(progress).toEqual([
      [0, 250],
      [100, 250],
      [150, 250],
      [250, 250],
    ]);
    expect(hs.sent.length).toBeLessThanOrEqual(3 + 2 * Math.ceil(Math.log2(100)));
  });

  it('a rate limit while narrowing down is waited out and the same half sent again', async () => {
    const hs = atomicHubSpot(new Set(['2']), { names: false });
    let limited = false;
    const waits: number[] = [];
    const work: ChunkWork = async (part, signal) => {
      if (part.length === 2 && !limited) {
        limited = true;
        throw new HubSpotApiError({ status: 429, category: 'RATE_LIMIT', message: 'Slow down', retryAfterSeconds: 1 });
      }
      return hs.work(part, signal);
    };
    const report = await runBulk(ids(4), work, { sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([1000]);
    expect(report.failed.map((f) => f.id)).toEqual(['2']);
    expect(report.succeeded.sort()).toEqual(['1', '3', '4']);
  });

  it('retrying the failures sends only them, and a record that fails again stays failed (no loop)', async () => {
    for (const names of [true, false]) {
      const hs = atomicHubSpot(new Set(['2', '5']), { names });
      const first = await runBulk(ids(6), hs.work);
      expect(first.failed.map((f) => f.id).sort()).toEqual(['2', '5']);
      hs.sent.length = 0;
      const retry = await runBulk(
        first.failed.map((f) => f.id),
        hs.work,
      );
      expect(retry.succeeded).toEqual([]);
      expect(retry.failed.map((f) => f.id).sort()).toEqual(['2', '5']);
      expect(hs.sent.flat().every((id) => id === '2' || id === '5')).toBe(true);
      // every record refused alone at worst: 2n − 1 requests for n records
      expect(hs.sent.length).toBeLessThanOrEqual(3);
    }
  });

  it('a cancel while narrowing down stops before the next request; unsent records are in neither list', async () => {
    const ac = new AbortController();
    const hs = atomicHubSpot(new Set(['1']), { names: false });
    const work: ChunkWork = async (part, signal) => {
      if (hs.sent.length === 1) ac.abort();
      return hs.work(part, signal);
    };
    const report = await runBulk(ids(4), work, { signal: ac.signal });
    expect(report).toEqual({ succeeded: [], failed: [], cancelled: true });
    expect(hs.applied).toEqual([]);
  });

  it('chunks evenly', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
