/**
 * Renders a component with the app's providers: its theme, its query client (createQueryClient: the same
 * defaults the app runs with), notifications, and the router at `route`.
 */
import { ThemeProvider } from '@mui/material/styles';
import type { QueryClient } from '@tanstack/react-query';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createQueryClient } from '../app/query-client';
import { theme } from '../app/theme';
import { NotificationsProvider } from '../lib/notifications';
import { RouterView } from '../lib/router';

export interface RenderOptions {
  /** The address the router is at (path and query), e.g. `/calls/7`. Default `/`. */
  route?: string;
  /** Route params the component reads with useParams, e.g. `{ id: '7' }`. */
  params?: Record<string, string>;
  /** The query client, when the test made it (e.g. filled it before rendering, as app/start.tsx does). */
  queryClient?: QueryClient;
}

export function renderWithProviders(ui: ReactNode, { route = '/', params, queryClient = createQueryClient() }: RenderOptions = {}): RenderResult & { queryClient: QueryClient } {
  window.history.replaceState(null, '', route);
  const view = render(
    <ThemeProvider theme={theme} defaultMode="light">
      <QueryClientProvider client={queryClient}>
        <NotificationsProvider>
          <RouterView resolve={() => ({ element: ui, ...(params ? { params } : {}) })} />
        </NotificationsProvider>
      </QueryClientProvider>
    </ThemeProvider>,
  );
  return { ...view, queryClient };
}
