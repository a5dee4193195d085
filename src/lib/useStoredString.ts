/**
 * A choice kept per browser in localStorage (column layout, density), read with useSyncExternalStore: every
 * component that shows it follows a change, in this tab and in the others. The server knows no browser's
 * storage: it renders, and the browser hydrates its page, without the choice (null); the stored one follows.
 */
import { useCallback, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
/** What could not be stored (storage full or disabled): it lasts for this visit. */
const unstored = new Map<string, string>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab's change.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function read(key: string): string | null {
  const kept = unstored.get(key);
  if (kept !== undefined) return kept;
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
    unstored.delete(key);
  } catch {
    unstored.set(key, value);
  }
  for (const listener of listeners) listener();
}

const nothingOnTheServer = () => null;

export function useStoredString(key: string): [string | null, (value: string) => void] {
  const value = useSyncExternalStore(subscribe, () => read(key), nothingOnTheServer);
  const set = useCallback((next: string) => write(key, next), [key]);
  return [value, set];
}

/** The stored value outside React (e.g. before the first render). */
export const readStoredString = read;
/** Stores a value outside React; every component showing it follows. */
export const writeStoredString = write;
