// An API error in words: every error answer carries a stable `code` and a `message` for people
// (the ErrorBody of the OpenAPI document). Framework-free for unit specs.

export interface ApiProblem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  /** With 412 REVISION_MISMATCH: the lead's revision now. */
  readonly currentRevision?: number;
}

export const STALE_MESSAGE = 'Changed by someone else — reload to see the change, then try again.';

/** The problem of a non-2xx answer, whatever its body (a proxy's HTML page, nothing at all). */
export function problemOf(status: number, body: unknown): ApiProblem {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof fields['code'] === 'string' ? fields['code'] : `HTTP_${status}`;
  const message = typeof fields['message'] === 'string' ? fields['message'] : `The server answered ${status}`;
  const details = fields['details'];
  const current =
    typeof details === 'object' && details !== null
      ? (details as Record<string, unknown>)['currentRevision']
      : undefined;
  return { status, code, message, ...(typeof current === 'number' ? { currentRevision: current } : {}) };
}

/** A request that never got an answer (server down, network gone). */
export function unreachable(error: unknown): ApiProblem {
  const reason = error instanceof Error ? error.message : String(error);
  return { status: 0, code: 'NETWORK_ERROR', message: `The server could not be reached (${reason})` };
}

/** True for the answer to a stale If-Match: someone changed the record since it was read. */
export function isStale(problem: ApiProblem): boolean {
  return problem.status === 412;
}

/** What a person reads: a stale revision as the instruction to reload, anything else as code and message. */
export function describeProblem(problem: ApiProblem): string {
  if (isStale(problem)) return STALE_MESSAGE;
  if (problem.status === 401) return `${problem.code}: ${problem.message} — sign in again.`;
  return `${problem.code}: ${problem.message}`;
}
