import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { NotFound } from '../components/NotFound';
import { AppShell } from './AppShell';
import { RouteError } from './RouteError';

// One chunk per screen, loaded when its route is first visited.
const CallListPage = lazy(() => import('../features/calls/list/CallListPage'));
const CallCreatePage = lazy(() => import('../features/calls/form/CallCreatePage'));
const CallDetailPage = lazy(() => import('../features/calls/detail/CallDetailPage'));
const CallEditPage = lazy(() => import('../features/calls/form/CallEditPage'));

export const routes = [
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/calls" replace /> },
          { path: 'calls', element: <CallListPage /> },
          { path: 'calls/new', element: <CallCreatePage /> },
          { path: 'calls/:id', element: <CallDetailPage /> },
          { path: 'calls/:id/edit', element: <CallEditPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
