import { ApiRefusedError, callApi, type ApiTarget } from '../cli/api-client.js';
import type { ImportFileFormat } from './record-splitter.js';

/** One row's outcome, as `POST /leads/import` reports it. */
export interface RowResult {
  readonly row: number;
  readonly status: 'created' | 'duplicate' | 'touched' | 'invalid' | 'failed';
  readonly leadId?: string;
  readonly existingLeadId?: string;
  readonly replayed?: true;
  readonly errors?: readonly { field: string; rule: string; message: string }[];
}

export interface ImportTotals {
  rows: number;
  created: number;
  duplicate: number;
  touched: number;
  invalid: number;
  failed: number;
}

export interface PartReport {
  readonly totals: ImportTotals;
  readonly results: readonly RowResult[];
}

export interface ImportTarget extends ApiTarget {
  readonly format: ImportFileFormat;
  readonly onDuplicate: 'reject' | 'touch';
  readonly idempotencyKey: string | undefined;
}

const CONTENT_TYPES: Record<ImportFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/**
 * Sends one part of the file. `firstRow` is the file row number of its first data row,
 * so results come back numbered as in the file and each row keeps its own idempotency
 * key however the file is cut. Only rows that were not created are listed back.
 */
export async function postPart(target: ImportTarget, body: string, firstRow: number): Promise<PartReport> {
  const query = new URLSearchParams({ onDuplicate: target.onDuplicate, report: 'errors', firstRow: String(firstRow) });
  const answer = await callApi(target, `/leads/import?${query.toString()}`, {
    method: 'POST',
    headers: {
      'content-type': CONTENT_TYPES[target.format],
      ...(target.idempotencyKey ? { 'idempotency-key': target.idempotencyKey } : {}),
    },
    body,
  });
  if (!isPartReport(answer.body)) {
    throw new ApiRefusedError(answer.status, 'UNEXPECTED_RESPONSE', 'The server answered without a report');
  }
  return answer.body;
}

function isPartReport(body: unknown): body is PartReport {
  if (typeof body !== 'object' || body === null) return false;
  const fields = body as Record<string, unknown>;
  return typeof fields['totals'] === 'object' && Array.isArray(fields['results']);
}
