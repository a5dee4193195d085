/** The app's small History-API router: links, navigation, params, search params, blocker, route error boundary. */
export * from './router';
export { RouteErrorBoundary } from './RouteErrorBoundary';
