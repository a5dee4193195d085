/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app's build. `npm start` (server/serve.ts) and `npm run dev` (server/dev.ts) load this file and add the
// /hubspot proxy themselves; nothing here reads the environment, so no secret can reach the bundle.
export default defineConfig({
  plugins: [react()],
  // Only VITE_-prefixed variables could ever be exposed to client code; we use none. Keep it explicit.
  envPrefix: 'VITE_',
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Libraries change far less often than our code: their own chunks stay cached (immutable) across deploys.
        // Route pages and feature-only libraries (Data Grid, date pickers) keep the automatic per-route splitting.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](?:react|react-dom|scheduler)[\\/]/, priority: 30 },
            {
              name: 'mui',
              test: /[\\/]node_modules[\\/](?:@mui[\\/](?:material|system|utils|styled-engine|private-theming)|@emotion|@babel[\\/]runtime|react-transition-group|@popperjs|stylis|clsx|react-is|prop-types)[\\/]/,
              priority: 20,
            },
            { name: 'query', test: /[\\/]node_modules[\\/]@tanstack[\\/]/, priority: 10 },
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
});
