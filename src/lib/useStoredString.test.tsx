import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useStoredString, writeStoredString } from './useStoredString';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('a choice kept in localStorage (useStoredString)', () => {
  it('is read back, and every user of it follows a change from this tab or another', () => {
    localStorage.setItem('k', 'compact');
    const a = renderHook(() => useStoredString('k'));
    const b = renderHook(() => useStoredString('k'));
    expect(a.result.current[0]).toBe('compact');

    act(() => a.result.current[1]('standard'));
    expect(b.result.current[0]).toBe('standard');
    expect(localStorage.getItem('k')).toBe('standard');

    // Another tab wrote it: the browser fires `storage` here.
    localStorage.setItem('k', 'compact');
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: 'k' })));
    expect(a.result.current[0]).toBe('compact');

    act(() => writeStoredString('k', 'standard'));
    expect(a.result.current[0]).toBe('standard');
  });

  it('lasts for the visit when the browser refuses to store it', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const { result } = renderHook(() => useStoredString('refused'));
    expect(result.current[0]).toBeNull();
    act(() => result.current[1]('compact'));
    expect(result.current[0]).toBe('compact');
  });
});
