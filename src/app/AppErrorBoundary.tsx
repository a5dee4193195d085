import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { appPaths } from '../lib/router';

interface State {
  error: Error | null;
}

/**
 * Last line of defence for errors outside the routes (providers, the app bar). Route errors are shown by
 * RouteError inside the shell. Plain HTML on purpose: the theme itself may be what failed.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('HubSpot Calls Admin crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '4rem auto', padding: '0 1rem' }}>
        <h1>HubSpot Calls Admin stopped working</h1>
        <p>{this.state.error.message || 'An unexpected error occurred.'}</p>
        <p>
          <a href={appPaths.calls()}>Back to calls</a> · <button onClick={() => window.location.reload()}>Reload</button>
        </p>
      </div>
    );
  }
}
