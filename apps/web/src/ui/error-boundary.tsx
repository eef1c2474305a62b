import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  readonly error: Error | undefined;
}

/**
 * A screen that fails to render (a bug, a chunk gone after an upgrade) shows what went wrong and
 * a way on, instead of React's blank page. `resetKey` (the address) clears it on navigation.
 */
export class ScreenErrorBoundary extends Component<{ readonly children: ReactNode; readonly resetKey: string }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidUpdate(previous: { readonly resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: undefined });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('screen failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="problem" role="alert">
        <span>SCREEN_FAILED: {this.state.error.message}</span>
        <button type="button" onClick={() => window.location.reload()}>
          Reload the app
        </button>
      </div>
    );
  }
}
