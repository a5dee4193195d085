/** Time source for the mock. Every timestamp the mock writes comes from a Clock. */
export interface Clock {
  /** Current time in epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stays at `ms` until moved with `set` or `advance` (for deterministic tests). */
export interface FixedClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function fixedClock(ms: number): FixedClock {
  let current = ms;
  return {
    now: () => current,
    set: (next) => {
      current = next;
    },
    advance: (delta) => {
      current += delta;
    },
  };
}
