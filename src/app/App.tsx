import { useState } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider } from '@tanstack/react-query';
import { AppErrorBoundary } from './AppErrorBoundary';
import { NotificationsProvider } from '../lib/notifications';
import { createQueryClient } from './query-client';
import { AppRoutes } from './router';
import { COLOR_MODE_STORAGE_KEY, theme } from './theme';

/**
 * Providers, outermost first: error boundary, theme, data cache, snackbars, routes. The date pickers'
 * LocalizationProvider lives with the picker field, so the list's JavaScript does not carry it.
 */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <AppErrorBoundary>
      <ThemeProvider theme={theme} defaultMode="system" modeStorageKey={COLOR_MODE_STORAGE_KEY} disableTransitionOnChange>
        <CssBaseline enableColorScheme />
        <QueryClientProvider client={queryClient}>
          <NotificationsProvider>
            <AppRoutes />
          </NotificationsProvider>
        </QueryClientProvider>
      </ThemeProvider>
    </AppErrorBoundary>
  );
}
