import { createRef, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type NotifyRef } from './app/App';
import { createQueryClient } from './app/query-client';
import { prefetchScreen } from './app/router';

// The data cache exists before React renders, so the first screen's data is asked for now and loads while the
// app renders (the API version every HubSpot request waits for is preloaded by index.html).
const notifyRef: NotifyRef = createRef();
const queryClient = createQueryClient((notification) => notifyRef.current?.(notification));
prefetchScreen(queryClient, window.location);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App queryClient={queryClient} notifyRef={notifyRef} />
  </StrictMode>,
);
