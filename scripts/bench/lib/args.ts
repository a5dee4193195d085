/** Command-line options shared by the mock benchmarks (`--calls N --duration MS ...`). */

/** A positive number given as `--name N`, else `fallback`. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Load shape common to every mock benchmark, bounded so a typo cannot run for hours. */
export function loadOptions() {
  return {
    calls: Math.min(numberArg('calls', 100_000), 1_000_000),
    durationMs: Math.min(numberArg('duration', 5_000), 60_000),
    warmupMs: Math.min(numberArg('warmup', 1_000), 10_000),
    connections: Math.min(numberArg('connections', 20), 200),
    rounds: Math.min(numberArg('rounds', 3), 10),
  };
}
