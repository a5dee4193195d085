import { createRef, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { hydrate } from '@tanstack/react-query';
import { App, type NotifyRef } from './app/App';
import { createQueryClient } from './app/query-client';
import { prefetchScreen } from './app/router';
import { parseServerPageState, SERVER_PAGE_ROOT_ID, SERVER_PAGE_STATE_ID, TIME_ZONE_COOKIE } from './app/server-page';
import { setRenderedTimeZone, userTimeZone } from './lib/timezone';

// The server renders the list's times in the zone this cookie names (src/entry-server.tsx).
document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(userTimeZone())}; path=/; max-age=31536000; samesite=lax`;

const notifyRef: NotifyRef = createRef();
const queryClient = createQueryClient((notification) => notifyRef.current?.(notification));

const container = document.getElementById(SERVER_PAGE_ROOT_ID);
if (!container) throw new Error('index.html has no #root element');
const app = (
  <StrictMode>
    <App queryClient={queryClient} notifyRef={notifyRef} />
  </StrictMode>
);

const served = parseServerPageState(document.getElementById(SERVER_PAGE_STATE_ID)?.textContent);
if (served) {
  // The server sent the page rendered, with the data it shows: React takes over that markup as it is.
  setRenderedTimeZone(served.timeZone);
  hydrate(queryClient, served.queries);
  hydrateRoot(container, app);
} else {
  // The data cache exists before React renders, so the first screen's data is asked for now and loads while the
  // app renders (the API version every HubSpot request waits for is preloaded by index.html).
  prefetchScreen(queryClient, window.location);
  createRoot(container).render(app);
}
