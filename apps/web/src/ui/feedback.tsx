import { describeProblem, type ApiProblem } from '../api/problem';

/** An API error in words, announced to screen readers; `onRetry` offers the obvious next step. */
export function ProblemMessage({
  problem,
  onRetry,
  retryLabel = 'Try again',
}: {
  readonly problem: ApiProblem;
  readonly onRetry?: () => void;
  readonly retryLabel?: string;
}) {
  return (
    <div className="problem" role="alert" data-code={problem.code}>
      <span>{describeProblem(problem)}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}

export function Loading({ what }: { readonly what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { readonly children: React.ReactNode }) {
  return <p className="empty">{children}</p>;
}
