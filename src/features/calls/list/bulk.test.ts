import { describe, expect, it } from 'vitest';
import { HubSpotApiError } from '../../../api/errors';
import { chunk, runBulk, type ChunkWork } from './bulk';

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

  it('a chunk that fails as a whole fails each of its records with HubSpot’s message', async () => {
    const work: ChunkWork = async (part) => {
      if (part[0] === '101') throw new HubSpotApiError({ status: 400, category: 'VALIDATION_ERROR', message: 'Bad batch', correlationId: 'c-1' });
      return new Map();
    };
    const report = await runBulk(ids(150), work);
    expect(report.succeeded).toHaveLength(100);
    expect(report.failed).toHaveLength(50);
    expect(report.failed[0]).toEqual({ id: '101', reason: 'Bad batch (correlation ID c-1)' });
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

  it('stops between chunks when cancelled', async () => {
    const ac = new AbortController();
    const work: ChunkWork = async () => {
      ac.abort();
      return new Map();
    };
    const report = await runBulk(ids(300), work, { signal: ac.signal });
    expect(report).toEqual({ succeeded: ids(100), failed: [], cancelled: true });
  });

  it('chunks evenly', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
