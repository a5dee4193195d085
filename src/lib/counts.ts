/** Counts as the screens write them: `1,234`, and `1 call` / `2 calls`. */
export const formatCount = (x: number): string => x.toLocaleString('en-US');

export const callCount = (x: number): string => `${formatCount(x)} call${x === 1 ? '' : 's'}`;
