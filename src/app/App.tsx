import { useState } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { AppErrorBoundary } from './AppErrorBoundary';
import { NotificationsProvider } from './notifications';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { COLOR_MODE_STORAGE_KEY, theme } from './theme';

/** Providers, outermost first: error boundary, theme, dates, data cache, snackbars, routes. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <AppErrorBoundary>
      <ThemeProvider theme={theme} defaultMode="system" modeStorageKey={COLOR_MODE_STORAGE_KEY} disableTransitionOnChange>
        <CssBaseline enableColorScheme />
        <LocalizationProvider dateAdapter={AdapterDayjs}>
          <QueryClientProvider client={queryClient}>
            <NotificationsProvider>
              <RouterProvider router={router} />
            </NotificationsProvider>
          </QueryClientProvider>
        </LocalizationProvider>
      </ThemeProvider>
    </AppErrorBoundary>
  );
}
