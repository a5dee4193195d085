/**
 * `npm start` builds the app itself when dist/ is missing or older than its sources: atomically (a reader never
 * sees half a dist/), once when several starts race, keeping the previous build's recent chunks for open pages,
 * and with every compressible file also written as .br and .gz, which the server sends as they are.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import { SSR_DIR } from './ssr.ts';

const BUILD_INPUTS = ['index.html', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.app.json', 'public', 'src'];
const STAMP_FILE = '.build-stamp.json';

function isBuildInput(relative: string): boolean {
  return !/\.test\.[cm]?[jt]sx?$/.test(relative) && !relative.startsWith(`src${path.sep}test${path.sep}`);
}

/** Newest modification time among the build's inputs (directories count: a deleted file changes its folder). */
export function newestInputMtime(root: string): number {
  let newest = 0;
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      return;
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) return;
    for (const name of readdirSync(full)) {
      const child = path.join(relative, name);
      if (isBuildInput(child)) visit(child);
    }
  };
  for (const input of BUILD_INPUTS) visit(input);
  return newest;
}

export function buildIsFresh(root: string, distDir: string): boolean {
  try {
    if (!existsSync(path.join(distDir, 'index.html'))) return false;
    const stamp = JSON.parse(readFileSync(path.join(distDir, STAMP_FILE), 'utf8')) as { inputsMtimeMs?: unknown };
    return typeof stamp.inputsMtimeMs === 'number' && newestInputMtime(root) <= stamp.inputsMtimeMs;
  } catch {
    return false;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Cross-process lock file: concurrent `npm start`s build one at a time and the rest reuse the result. */
async function withLock<T>(lockFile: string, work: () => Promise<T>, onWait: () => void): Promise<T> {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  let waited = false;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSafe(lockFile));
      const age = Date.now() - (statSafe(lockFile)?.mtimeMs ?? Date.now());
      if ((Number.isInteger(holder) && holder > 0 && !pidAlive(holder)) || age > 10 * 60_000) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (!waited) onWait();
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
const readFileSafe = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
const statSafe = (file: string) => {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
};

/** How long hashed files of a previous build stay available after a rebuild. */
const OLD_ASSET_TTL_MS = 60 * 60_000;

/**
 * A page loaded before a rebuild still lazy-loads its route chunks by their old hashed names; keep the previous
 * build's recent assets next to the new ones (names never collide) so those pages keep working.
 */
function carryOverRecentAssets(distDir: string, newDir: string): void {
  const oldAssets = path.join(distDir, 'assets');
  const newAssets = path.join(newDir, 'assets');
  if (!existsSync(oldAssets)) return;
  mkdirSync(newAssets, { recursive: true });
  const cutoff = Date.now() - OLD_ASSET_TTL_MS;
  for (const name of readdirSync(oldAssets)) {
    const from = path.join(oldAssets, name);
    const to = path.join(newAssets, name);
    const stat = statSafe(from);
    if (stat?.isFile() && stat.mtimeMs >= cutoff && !existsSync(to)) cpSync(from, to, { preserveTimestamps: true });
  }
}

/**
 * Builds into a temporary folder and swaps it in with renames, so a reader never sees a half-written dist/,
 * and holds a lock so two starts never build at once. Returns whether a build ran.
 */
export async function ensureBuild(root: string, log: (line: string) => void = console.log): Promise<boolean> {
  const distDir = path.join(root, 'dist');
  if (buildIsFresh(root, distDir)) return false;
  const workDir = path.join(root, '.data');
  return withLock(
    path.join(workDir, 'build.lock'),
    async () => {
      if (buildIsFresh(root, distDir)) return false; // someone else built it while we waited
      const inputsMtimeMs = newestInputMtime(root);
      const tmpDir = path.join(workDir, `build-${process.pid}-${randomBytes(4).toString('hex')}`);
      log(existsSync(distDir) ? 'Sources changed since the last build: building the app…' : 'Building the app (first start)…');
      const started = Date.now();
      const { build } = await import('vite');
      try {
        await build({
          root,
          configFile: path.join(root, 'vite.config.ts'),
          mode: 'production',
          logLevel: 'warn',
          build: { outDir: tmpDir, emptyOutDir: true },
          plugins: [precompressPlugin()],
        });
        // The server's renderer of the call list (ssr.ts), in a hidden folder the static server never serves.
        await build({
          root,
          configFile: path.join(root, 'vite.config.ts'),
          mode: 'production',
          logLevel: 'warn',
          build: { ssr: 'src/entry-server.tsx', outDir: path.join(tmpDir, SSR_DIR), emptyOutDir: false, copyPublicDir: false },
        });
        writeFileSync(path.join(tmpDir, STAMP_FILE), JSON.stringify({ inputsMtimeMs, builtAt: new Date().toISOString() }));
        carryOverRecentAssets(distDir, tmpDir);
        const oldDir = path.join(workDir, `dist-old-${process.pid}-${randomBytes(4).toString('hex')}`);
        if (existsSync(distDir)) renameSync(distDir, oldDir);
        renameSync(tmpDir, distDir);
        rmSync(oldDir, { recursive: true, force: true });
      } finally {
        rmSync(tmpDir, { recursive: true, force: true });
      }
      log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return true;
    },
    () => log('Another process is building the app; waiting for it…'),
  );
}

// ---------------------------------------------------------------------------------------------
// Precompression

const COMPRESSIBLE = /\.(?:html|js|mjs|css|json|svg|txt|map|webmanifest)$/i;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Writes `<file>.br` and `<file>.gz` beside every compressible file over 1 KB in `dir` that shrinks by compressing. */
export async function precompress(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  await Promise.all(
    entries
      .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
      .map(async (e) => {
        const file = path.join(e.parentPath, e.name);
        const body = await readFile(file);
        if (body.length <= 1024) return;
        const [br, gz] = await Promise.all([
          brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 10, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
          gzipAsync(body, { level: 9 }),
        ]);
        if (br.length < body.length) await writeFile(`${file}.br`, br);
        if (gz.length < body.length) await writeFile(`${file}.gz`, gz);
      }),
  );
}

/** Vite plugin: precompresses the build output once it is written. */
function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'hubspot-calls-admin:precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = path.resolve(config.root, config.build.outDir)),
    closeBundle: () => precompress(outDir),
  };
}
