import { lazy } from 'react';
import { NotFound } from '../components/NotFound';
import { AppShell } from './AppShell';
import { Navigate, RouteErrorBoundary, RouterView, type RouteMatch } from '../lib/router';
import { RouteError } from './RouteError';

// One chunk per screen, loaded when its route is first visited.
const CallListPage = lazy(() => import('../features/calls/list/CallListPage'));
const CallCreatePage = lazy(() => import('../features/calls/form/CallCreatePage'));
const CallDetailPage = lazy(() => import('../features/calls/detail/CallDetailPage'));
const CallEditPage = lazy(() => import('../features/calls/form/CallEditPage'));

const CALL = /^\/calls\/([^/]+)\/?$/i;
const CALL_EDIT = /^\/calls\/([^/]+)\/edit\/?$/i;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The page for a path: `/` → `/calls`, the list, new, detail and edit pages, anything else is not found. */
export function resolveRoute(pathname: string): RouteMatch {
  if (pathname === '/' || pathname === '') return { element: <Navigate to="/calls" /> };
  if (/^\/calls\/?$/i.test(pathname)) return { element: <CallListPage /> };
  if (/^\/calls\/new\/?$/i.test(pathname)) return { element: <CallCreatePage /> };
  const edit = CALL_EDIT.exec(pathname);
  if (edit) return { element: <CallEditPage />, params: { id: decode(edit[1] ?? '') } };
  const detail = CALL.exec(pathname);
  if (detail) return { element: <CallDetailPage />, params: { id: decode(detail[1] ?? '') } };
  return { element: <NotFound /> };
}

/**
 * The shell around the routed page. A page that crashes shows RouteError inside the shell (cleared by navigating
 * elsewhere); a crash of the shell itself shows it alone.
 */
export function AppRoutes({ resolve = resolveRoute }: { resolve?: (pathname: string) => RouteMatch }) {
  return (
    <RouterView
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
