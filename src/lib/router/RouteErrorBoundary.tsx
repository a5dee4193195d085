import { Component, type ErrorInfo, type ReactNode } from 'react';

interface BoundaryProps {
  resetKey: string;
  fallback: (error: unknown) => ReactNode;
  children: ReactNode;
}

/** A crashed route shows `fallback`; navigating elsewhere clears it. */
export class RouteErrorBoundary extends Component<BoundaryProps, { error: unknown; key: string | null }> {
  override state: { error: unknown; key: string | null } = { error: null, key: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('Unknown error') };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: { error: unknown; key: string | null }) {
    if (state.key === null) return { key: props.resetKey };
    if (state.key !== props.resetKey) return { error: null, key: props.resetKey };
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Route error', error, info.componentStack);
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
