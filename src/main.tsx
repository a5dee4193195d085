import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentPaths } from './api/api-version';
import { App } from './app/App';

// Every HubSpot request waits for the API version the server speaks: ask for it while React renders.
currentPaths().catch(() => undefined);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
