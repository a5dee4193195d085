/**
 * Server log lines, with repeats summarised: an outage or a password-guessing run writes the first line at
 * once, then one line per window with how often the same thing happened and when (first and last time).
 */

export type LogLine = (line: string) => void;

export interface RepeatLog {
  /** Writes `line`, or counts it when `key` was written within the current window. */
  (key: string, line: string): void;
  /** Writes the pending summaries now (at shutdown). */
  flush(): void;
}

export function repeatSummarizingLog(write: LogLine, opts: { windowMs?: number; now?: () => number } = {}): RepeatLog {
  const windowMs = opts.windowMs ?? 10_000;
  const now = opts.now ?? Date.now;
  const open = new Map<string, { repeats: number; first: number; last: number; timer: ReturnType<typeof setTimeout> }>();

  const summarize = (key: string) => {
    const entry = open.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    open.delete(key);
    if (entry.repeats === 0) return;
    const times = entry.repeats === 1 ? 'once more' : `${entry.repeats.toLocaleString('en-US')} more times`;
    write(`${key}: ${times} between ${new Date(entry.first).toISOString()} and ${new Date(entry.last).toISOString()}`);
  };

  const report = ((key: string, line: string) => {
    const entry = open.get(key);
    if (entry) {
      if (entry.repeats === 0) entry.first = now();
      entry.repeats += 1;
      entry.last = now();
      return;
    }
    write(line);
    const timer = setTimeout(() => summarize(key), windowMs);
    timer.unref?.();
    open.set(key, { repeats: 0, first: 0, last: 0, timer });
  }) as RepeatLog;
  report.flush = () => {
    for (const key of [...open.keys()]) summarize(key);
  };
  return report;
}
