import { useLayoutEffect, type ReactNode, type RefObject } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { AppErrorBoundary } from './AppErrorBoundary';
import { NotificationsProvider, useNotify, type Notification } from '../lib/notifications';
import type { AppLocation } from '../lib/router';
import { AppRoutes } from './router';
import { COLOR_MODE_STORAGE_KEY, theme } from './theme';

/** Where the data cache, made before React renders (start.tsx), tells the failures the screen cannot show (query-client.ts). */
export type NotifyRef = RefObject<((notification: Notification) => void) | null>;

/** The data cache, connected to the snackbars. */
function QueryProvider({ client, notifyRef, children }: { client: QueryClient; notifyRef: NotifyRef; children: ReactNode }) {
  const notify = useNotify();
  useLayoutEffect(() => {
    notifyRef.current = notify;
  }, [notifyRef, notify]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/**
 * Providers, outermost first: error boundary, theme, snackbars, data cache, routes (`location`: the page the
 * server renders, src/entry-server.tsx; the browser reads its own). The date pickers'
 * LocalizationProvider lives with the picker field, so the list's JavaScript does not carry it.
 */
export function App({ queryClient, notifyRef, location }: { queryClient: QueryClient; notifyRef: NotifyRef; location?: AppLocation }) {
  return (
    <AppErrorBoundary>
      <ThemeProvider theme={theme} defaultMode="system" modeStorageKey={COLOR_MODE_STORAGE_KEY} disableTransitionOnChange>
        <CssBaseline enableColorScheme />
        <NotificationsProvider>
          <QueryProvider client={queryClient} notifyRef={notifyRef}>
            <AppRoutes location={location} />
          </QueryProvider>
        </NotificationsProvider>
      </ThemeProvider>
    </AppErrorBoundary>
  );
}
