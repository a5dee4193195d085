/**
 * `npm run bench`: every benchmark in turn, each in its own process so one cannot skew the next.
 * Each writes its figures to bench-results/<name>.json and prints a table; `--only mock|mock-cold|ui|bulk|hygiene` runs one.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const benches = [
  { name: 'mock', file: 'mock.ts', about: 'HubSpot mock server: throughput and latency on 100,000 calls' },
  { name: 'mock-cold', file: 'mock-cold.ts', about: 'HubSpot mock server without its response cache, every request different' },
  { name: 'ui', file: 'ui.ts', about: 'Call list in Chromium on the production build: first rows, page change, JS size' },
  { name: 'bulk', file: 'bulk.ts', about: 'Bulk outcome change of 10,000 calls through the app\'s bulk code, against the rate-limited mock' },
  { name: 'hygiene', file: 'hygiene.ts', about: 'Needs attention: the queues\' counts and a full scan of 100,000 calls through our server, against the rate-limited mock' },
];

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
// every other option (--rounds, --duration, --no-pin, ...) goes to each benchmark
const passOn = process.argv.slice(2).filter((_, i, all) => all[i] !== '--only' && all[i - 1] !== '--only');
const root = path.resolve(import.meta.dirname, '../..');
let failed = 0;
for (const b of benches) {
  if (only && b.name !== only) continue;
  console.log(`\n### ${b.name}: ${b.about}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, b.file), ...passOn], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failed += 1;
    console.error(`bench ${b.name} failed (exit ${r.status ?? r.signal})`);
  }
}
process.exit(failed ? 1 : 0);
