import { useState, type ReactNode } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider } from '@tanstack/react-query';
import { AppErrorBoundary } from './AppErrorBoundary';
import { NotificationsProvider, useNotify } from '../lib/notifications';
import { createQueryClient } from './query-client';
import { AppRoutes } from './router';
import { COLOR_MODE_STORAGE_KEY, theme } from './theme';

/** The data cache; it tells failures the screen cannot show through the snackbars (query-client.ts). */
function QueryProvider({ children }: { children: ReactNode }) {
  const notify = useNotify();
  const [queryClient] = useState(() => createQueryClient(notify));
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

/**
 * Providers, outermost first: error boundary, theme, snackbars, data cache, routes. The date pickers'
 * LocalizationProvider lives with the picker field, so the list's JavaScript does not carry it.
 */
export function App() {
  return (
    <AppErrorBoundary>
      <ThemeProvider theme={theme} defaultMode="system" modeStorageKey={COLOR_MODE_STORAGE_KEY} disableTransitionOnChange>
        <CssBaseline enableColorScheme />
        <NotificationsProvider>
          <QueryProvider>
            <AppRoutes />
          </QueryProvider>
        </NotificationsProvider>
      </ThemeProvider>
    </AppErrorBoundary>
  );
}
