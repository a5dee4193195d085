/** The app's small History-API router: links, navigation, params, search params, blocker, route error boundary, and the app's own paths. */
export * from './router';
export { appPaths, matchAppPath } from './app-paths';
export { RouteErrorBoundary } from './RouteErrorBoundary';
