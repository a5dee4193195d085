/**
 * The app's start in the browser (main.tsx). A page the server rendered (server/ssr.ts) is hydrated from the data
 * it came with: React takes over that markup as it is, without asking HubSpot again. Otherwise the data cache
 * exists before React renders, so the first screen's data is asked for now and loads while the app renders (the
 * API version every HubSpot request waits for is preloaded by index.html).
 */
import { createRef, StrictMode } from 'react';
import { createRoot, hydrateRoot, type Root, type RootOptions } from 'react-dom/client';
import { hydrate } from '@tanstack/react-query';
import { App, type NotifyRef } from './App';
import { createQueryClient } from './query-client';
import { prefetchScreen } from './router';
import { parseServerPageState, SERVER_PAGE_ROOT_ID, SERVER_PAGE_STATE_ID, TIME_ZONE_COOKIE } from './server-page';
import { setRenderedTimeZone, userTimeZone } from '../lib/timezone';

/** `onRecoverableError`: tests see a hydration that had to render again. */
export function startApp(doc: Document, options: Pick<RootOptions, 'onRecoverableError'> = {}): Root {
  // The server renders the list's times in the zone this cookie names (src/entry-server.tsx).
  doc.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(userTimeZone())}; path=/; max-age=31536000; samesite=lax`;

  const notifyRef: NotifyRef = createRef();
  const queryClient = createQueryClient((notification) => notifyRef.current?.(notification));
  const container = doc.getElementById(SERVER_PAGE_ROOT_ID);
  if (!container) throw new Error('index.html has no #root element');
  const app = (
    <StrictMode>
      <App queryClient={queryClient} notifyRef={notifyRef} />
    </StrictMode>
  );

  const served = parseServerPageState(doc.getElementById(SERVER_PAGE_STATE_ID)?.textContent);
  if (served) {
    setRenderedTimeZone(served.timeZone);
    hydrate(queryClient, served.queries);
    return hydrateRoot(container, app, options);
  }
  prefetchScreen(queryClient, doc.location);
  const root = createRoot(container, options);
  root.render(app);
  return root;
}
