import { ApiRefusedError, callApi, type ApiTarget } from '../cli/api-client.js';

/** One entry of `GET /projections` (positions are decimal strings: they may pass 2^53). */
export interface ProjectionStatus {
  readonly name: string;
  readonly kind: string;
  readonly version: number;
  /** Last applied position; null right after a reset, before the first event is handled. */
  readonly position: string | null;
  readonly headPosition: string;
  /** Positions left between the checkpoint and the head; "0" once caught up, filtered ones too. */
  readonly lag: string;
  readonly state: string;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
  /** A rebuild beside the live rows: running (with its own position) or failed; null otherwise. */
  readonly rebuild?: {
    readonly state: 'running' | 'failed';
    readonly position: string | null;
    readonly headPosition: string | null;
    readonly error: string | null;
  } | null;
}

/** `GET /projections/runner`: who runs the background jobs. */
export interface RunnerStatus {
  readonly role: 'active' | 'standby' | 'api';
  readonly pid: number;
  readonly lease: string;
  readonly owner: RunnerOwner | null;
}

export interface RunnerOwner {
  readonly pid: number;
  readonly host: string;
  readonly processRole: string;
  readonly since: string;
}

/** The statuses as given, and the API's JSON untouched (for `--json`). */
export interface ProjectionList {
  readonly statuses: readonly ProjectionStatus[];
  readonly json: unknown;
}

export async function listProjections(target: ApiTarget): Promise<ProjectionList> {
  const { status, body } = await callApi(target, '/projections');
  if (!Array.isArray(body) || !body.every(isProjectionStatus)) throw unexpected(status, 'GET /projections');
  return { statuses: body, json: body };
}

export async function runnerStatus(target: ApiTarget): Promise<RunnerStatus> {
  const { status, body } = await callApi(target, '/projections/runner');
  if (!isRunnerStatus(body)) throw unexpected(status, 'GET /projections/runner');
  return body;
}

/** Resets the projection and starts folding it again; the API answers 202 before it is done. */
export async function startRebuild(target: ApiTarget, name: string): Promise<void> {
  await callApi(target, `/projections/${encodeURIComponent(name)}/rebuild`, { method: 'POST' });
}

function isProjectionStatus(value: unknown): value is ProjectionStatus {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return (
    typeof fields['name'] === 'string' &&
    typeof fields['state'] === 'string' &&
    typeof fields['lag'] === 'string' &&
    typeof fields['headPosition'] === 'string' &&
    (fields['position'] === null || typeof fields['position'] === 'string')
  );
}

function isRunnerStatus(value: unknown): value is RunnerStatus {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return (
    (fields['role'] === 'active' || fields['role'] === 'standby' || fields['role'] === 'api') &&
    typeof fields['pid'] === 'number' &&
    (fields['owner'] === null || typeof fields['owner'] === 'object')
  );
}

function unexpected(status: number, route: string): ApiRefusedError {
  return new ApiRefusedError(status, 'UNEXPECTED_RESPONSE', `${route} answered in a shape this command does not know`);
}
