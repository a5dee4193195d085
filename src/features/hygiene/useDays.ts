/** The missed-calls queue's N days, kept in the URL (`?days=N`); the server's default when absent or not valid. */
import { useCallback } from 'react';
import { useSearchParams } from '../../lib/router';
import { DEFAULT_DAYS, MAX_DAYS } from './hygiene-api';

/** A whole number from 1 to MAX_DAYS, or undefined. */
export function parseDays(raw: string | null | undefined): number | undefined {
  if (!raw || !/^\d{1,3}$/.test(raw.trim())) return undefined;
  const n = Number(raw.trim());
  return n >= 1 && n <= MAX_DAYS ? n : undefined;
}

export function useDays(): [number, (days: number) => void] {
  const [params, setParams] = useSearchParams();
  const days = parseDays(params.get('days')) ?? DEFAULT_DAYS;
  const setDays = useCallback(
    (n: number) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (n === DEFAULT_DAYS) next.delete('days');
          else next.set('days', String(n));
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [days, setDays];
}
