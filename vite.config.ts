/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * What /calls needs at first paint: the modules statically reachable from the entry, the list page and its grid.
 * The shared library chunks (MUI, TanStack Query) take only those; modules that other screens alone use
 * stay with those screens' chunks (automatic splitting), so the landing page does not download them.
 */
const CALLS_ROOTS = ['src/main.tsx', 'src/features/calls/list/CallListPage.tsx', 'src/features/calls/list/CallGrid.tsx'].map((p) =>
  fileURLToPath(new URL(p, import.meta.url)),
);
interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}
let callsModules: Set<string> | undefined;
function neededByCalls(id: string, graph: ModuleGraph): boolean {
  if (!callsModules) {
    const seen = new Set<string>();
    const queue = [...CALLS_ROOTS];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(graph.getModuleInfo(next)?.importedIds ?? []));
    }
    callsModules = seen;
  }
  return callsModules.has(id);
}
const MUI =
  /[\\/]node_modules[\\/](?:@mui[\\/](?:material|system|utils|styled-engine|private-theming)|@emotion|@babel[\\/]runtime|react-transition-group|@popperjs|stylis|clsx|react-is|prop-types)[\\/]/;
const QUERY = /[\\/]node_modules[\\/]@tanstack[\\/]/;

// The app's build. `npm start` (server/serve.ts) and `npm run dev` (server/dev.ts) load this file and add the
// /hubspot proxy themselves; nothing here reads the environment, so no secret can reach the bundle.
export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    react(),
    // The module graph differs per build (serve.ts rebuilds in the same process): forget the last one.
    { name: 'calls-module-graph', buildStart: () => void (callsModules = undefined) },
  ],
  // Only VITE_-prefixed variables could ever be exposed to client code; we use none. Keep it explicit.
  envPrefix: 'VITE_',
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    // The server's renderer (build.ts: dist/.ssr/) is one file for Node: no chunking for browsers' caches.
    rolldownOptions: isSsrBuild
      ? {}
      : {
      output: {
        // Libraries change far less often than our code: their own chunks stay cached (immutable) across deploys.
        // Route pages and feature-only libraries (date pickers) keep the automatic per-route splitting,
        // and so do the parts of MUI / TanStack Query that only other screens use (see neededByCalls).
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](?:react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: (id, graph) => (MUI.test(id) && neededByCalls(id, graph) ? 'mui' : null), debugName: 'mui', priority: 20 },
            { name: (id, graph) => (QUERY.test(id) && neededByCalls(id, graph) ? 'query' : null), debugName: 'query', priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    reporters: process.env.VITEST_JSON ? ['default', ['json', { outputFile: process.env.VITEST_JSON }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'browser-code',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['./src/test/setup.ts'],
          // First renders of MUI in jsdom take seconds on the shared 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'node-code',
          environment: 'node',
          include: ['server/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
}));
