import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import { subscribeRetryNotice } from '../api/http';
import type { RetryNotice as Notice } from '../api/http';

interface Shown extends Notice {
  until: number;
}

/** Counts down while http.ts waits before retrying a rate-limited or unavailable request. */
export function RetryNotice() {
  const [notice, setNotice] = useState<Shown | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(
    () =>
      subscribeRetryNotice((n) => {
        const at = Date.now();
        setNow(at);
        setNotice(n ? { ...n, until: at + n.retryInSeconds * 1000 } : null);
      }),
    [],
  );

  useEffect(() => {
    if (!notice) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [notice]);

  if (!notice) return null;
  const seconds = Math.max(1, Math.ceil((notice.until - now) / 1000));
  const text =
    notice.reason === 'rate-limit'
      ? `HubSpot is rate-limiting, retrying in ${seconds} s`
      : `HubSpot is unavailable, retrying in ${seconds} s`;
  return (
    <Alert severity="warning" variant="outlined" sx={{ borderRadius: 0, borderLeft: 0, borderRight: 0 }}>
      {text}
    </Alert>
  );
}
