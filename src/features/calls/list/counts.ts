/** Counts as the list screens write them: `1,234`, and `1 call` / `2 calls`. */
export const formatCount = (x: number) => x.toLocaleString('en-US');

export const callCount = (x: number) => `${formatCount(x)} call${x === 1 ? '' : 's'}`;
