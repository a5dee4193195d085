/**
 * Tests of durability: a child process opens the app database at `dbFile`, POSTs `body` to our API at
 * `apiPath`, prints the answer ("201 {...}") and hangs; once the answer is read, the child is killed with
 * SIGKILL (no shutdown, no checkpoint). Returns the answer line, for the test to read the file back.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';

const here = path.dirname(new URL(import.meta.url).pathname);
const moduleUrl = (file: string) => JSON.stringify(pathToFileURL(path.join(here, file)).href);

export async function postThenSigkill(tempDir: string, dbFile: string, apiPath: string, body: unknown): Promise<string> {
  const script = path.join(tempDir, `post-then-hang-${path.basename(dbFile)}.mts`);
  writeFileSync(
    script,
    `import { openAppDb } from ${moduleUrl('../store/connection.ts')};
     import { createApiApp } from ${moduleUrl('app.ts')};
     const app = createApiApp({ db: openAppDb(process.argv[2]) });
     const res = await app.request(process.argv[3], { method: 'POST', headers: { 'content-type': 'application/json' }, body: process.argv[4] });
     process.stdout.write(res.status + ' ' + (await res.text()) + '\\n');
     setInterval(() => {}, 1000);`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script, dbFile, apiPath, JSON.stringify(body)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const answer = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.endsWith('\n')) resolve(out);
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return answer;
}
