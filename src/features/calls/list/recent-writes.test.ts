import { MutationCache, MutationObserver, QueryClient, type MutationKey } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HubSpotObject } from '../../../api/schemas';
import { callWriteKeys, type CallListPage } from '../calls-queries';
import { overlayRecentWrites, rememberCallWrites, useRecentCallWrites } from './recent-writes';

const T0 = Date.parse('2026-11-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const call = (id: string, outcome: string, updatedAt: string): HubSpotObject => ({
  id,
  properties: { hs_call_disposition: outcome },
  createdAt: at(-60_000),
  updatedAt,
  archived: false,
});
/** What search answers: every call as it was before the writes. */
const stalePage = (): CallListPage => ({ results: [call('1', 'connected', at(0)), call('2', 'connected', at(0)), call('3', 'connected', at(0))], total: 3 });

/**
 * Runs one successful mutation through a fresh query client wired as the app's (src/app/query-client.ts), as
 * a new page load of the tab would.
 */
async function write(mutationKey: MutationKey, variables: unknown, answer: unknown = undefined) {
  const qc = new QueryClient({ mutationCache: new MutationCache({ onSuccess: (data, _v, _c, mutation) => rememberCallWrites(data, mutation) }) });
  await new MutationObserver<unknown, Error, unknown>(qc, { mutationKey, mutationFn: () => Promise.resolve(answer) }).mutate(variables);
}

/** The list's view of the stale page, as the user's recorded writes leave it. */
function shown(): Record<string, string | null | undefined> {
  const { result, unmount } = renderHook(() => useRecentCallWrites());
  const page = overlayRecentWrites(stalePage(), result.current);
  unmount();
  return { total: String(page.total), ...Object.fromEntries(page.results.map((c) => [c.id, c.properties.hs_call_disposition])) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the user’s recent call writes over a lagging search', () => {
  it('shows an update, a bulk change and an archive from earlier page loads of the tab; other mutations change nothing', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 + 1_000 });
    await write(callWriteKeys.update, { id: '1', properties: { hs_call_disposition: 'busy' } }, call('1', 'busy', at(1_000)));
    await write(callWriteKeys.bulk, { ids: ['2'] }, { saved: [call('2', 'no-answer', at(1_000))], archived: [], report: {} });
    await write(callWriteKeys.archive, { id: '3' });
    await write(['views', 'save'], { id: '2' }, call('2', 'wrong', at(2_000)));
    expect(shown()).toEqual({ total: '2', 1: 'busy', 2: 'no-answer' });
  });

  it('forgets a write after five minutes, and keeps what search has caught up with', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 + 1_000 });
    await write(callWriteKeys.update, { id: '1', properties: { hs_call_disposition: 'busy' } }, call('1', 'busy', at(1_000)));
    vi.setSystemTime(T0 + 1_000 + 5 * 60_000);
    await write(callWriteKeys.update, { id: '2', properties: { hs_call_disposition: 'busy' } }, call('2', 'busy', at(0)));
    // Call 1's write is too old to be kept; call 2's saved version is no newer than search's answer.
    expect(shown()).toEqual({ total: '3', 1: 'connected', 2: 'connected', 3: 'connected' });
  });

  it('remembers when the user created a call, until the user deletes it', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 + 1_000 });
    await write(callWriteKeys.create, { properties: {} }, call('7', 'busy', at(1_000)));
    await write(callWriteKeys.create, { properties: {} }, call('8', 'busy', at(1_000)));
    await write(callWriteKeys.archive, { id: '8' });
    const { result, unmount } = renderHook(() => useRecentCallWrites());
    expect([...result.current.created]).toEqual([['7', T0 + 1_000]]);
    unmount();
  });

  it('ignores stored text that is not its own', () => {
    sessionStorage.setItem('calls-admin:recent-call-writes', '{"not":"ours"');
    expect(shown()).toEqual({ total: '3', 1: 'connected', 2: 'connected', 3: 'connected' });
    sessionStorage.setItem('calls-admin:recent-call-writes', JSON.stringify([{ at: Date.now(), saved: 'x', archived: ['1'] }]));
    expect(shown()).toEqual({ total: '3', 1: 'connected', 2: 'connected', 3: 'connected' });
  });
});
