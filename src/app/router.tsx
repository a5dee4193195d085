import { lazy } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { currentPaths } from '../api/api-version';
import { userTimeZone } from '../lib/timezone';
import { NotFound } from '../components/NotFound';
import { AppShell } from './AppShell';
import { appPaths, matchAppPath, Navigate, RouteErrorBoundary, RouterView, type AppLocation, type RouteMatch } from '../lib/router';
import { RouteError } from './RouteError';
// The call list is the home screen: it comes with the app's first script, so its data is asked for in the first
// render instead of after a second round of scripts.
import CallListPage from '../features/calls/list/CallListPage';
import { prefetchCallList } from '../features/calls/list/useCallListPage';

// One chunk per other screen, loaded when its route is first visited.
const CallCreatePage = lazy(() => import('../features/calls/form/CallCreatePage'));
const CallDetailPage = lazy(() => import('../features/calls/detail/CallDetailPage'));
const CallEditPage = lazy(() => import('../features/calls/form/CallEditPage'));
const DeletedCallsPage = lazy(() => import('../features/calls/deleted/DeletedCallsPage'));
const AttentionPage = lazy(() => import('../features/hygiene/AttentionPage'));
const QueuePage = lazy(() => import('../features/hygiene/QueuePage'));
const JournalPage = lazy(() => import('../features/journal/JournalPage'));
const JournalEntryPage = lazy(() => import('../features/journal/JournalEntryPage'));

/** The page for a path: `/` → the list, the list, new, recently deleted, detail and edit pages, needs attention and a queue, the journal and an entry, anything else is not found. */
function resolveRoute(pathname: string): RouteMatch {
  const route = matchAppPath(pathname);
  switch (route?.name) {
    case 'home':
      return { element: <Navigate to={appPaths.calls()} /> };
    case 'calls':
      return { element: <CallListPage /> };
    case 'newCall':
      return { element: <CallCreatePage /> };
    case 'deletedCalls':
      return { element: <DeletedCallsPage /> };
    case 'callEdit':
      return { element: <CallEditPage />, params: { id: route.id } };
    case 'call':
      return { element: <CallDetailPage />, params: { id: route.id } };
    case 'attention':
      return { element: <AttentionPage /> };
    case 'attentionQueue':
      return { element: <QueuePage />, params: { queue: route.queue } };
    case 'journal':
      return { element: <JournalPage /> };
    case 'journalEntry':
      return { element: <JournalEntryPage />, params: { id: route.id } };
    default:
      return { element: <NotFound /> };
  }
}

/**
 * The shell around the routed page. A page that crashes shows RouteError inside the shell (cleared by navigating
 * elsewhere); a crash of the shell itself shows it alone.
 */
export function AppRoutes({ resolve = resolveRoute, location }: { resolve?: (pathname: string) => RouteMatch; location?: AppLocation }) {
  return (
    <RouterView
      location={location}
      resolve={(pathname) => {
        const match = resolve(pathname);
        return {
          params: match.params,
          element: (
            <RouteErrorBoundary resetKey="shell" fallback={(error) => <RouteError error={error} />}>
              <AppShell>
                <RouteErrorBoundary resetKey={pathname} fallback={(error) => <RouteError error={error} />}>
                  {match.element}
                </RouteErrorBoundary>
              </AppShell>
            </RouteErrorBoundary>
          ),
        };
      }}
    />
  );
}

/**
 * Before React first renders a page the server did not (start.tsx): asks for the API version every HubSpot request waits for and the data of
 * the screen the address opens, so they load while the app renders. The home screen (the list) can say what it
 * needs; other screens ask as they render.
 */
export function prefetchScreen(qc: QueryClient, { pathname, search }: Pick<Location, 'pathname' | 'search'>): void {
  currentPaths().catch(() => undefined);
  const route = matchAppPath(pathname)?.name;
  if (route === 'calls' || route === 'home') void prefetchCallList(qc, route === 'calls' ? search : '', userTimeZone());
}
