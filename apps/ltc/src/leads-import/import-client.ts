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

export interface ImportTarget {
  readonly url: string;
  readonly token: string;
  readonly format: ImportFileFormat;
  readonly onDuplicate: 'reject' | 'touch';
  readonly idempotencyKey: string | undefined;
}

/** The API refused a part as a whole (bad header, auth, limits): there is no point sending the rest. */
export class ImportRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportRefusedError';
  }
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
  const response = await fetch(`${target.url}/leads/import?${query.toString()}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${target.token}`,
      'content-type': CONTENT_TYPES[target.format],
      accept: 'application/json',
      ...(target.idempotencyKey ? { 'idempotency-key': target.idempotencyKey } : {}),
    },
    body,
  });
  const text = await response.text();
  const answer = parseJson(text);
  if (response.status !== 200) {
    const code = typeof answer?.['code'] === 'string' ? answer['code'] : `HTTP_${response.status}`;
    const message = typeof answer?.['message'] === 'string' ? answer['message'] : text.slice(0, 200);
    throw new ImportRefusedError(response.status, code, message);
  }
  if (!answer || typeof answer['totals'] !== 'object' || !Array.isArray(answer['results'])) {
    throw new ImportRefusedError(response.status, 'UNEXPECTED_RESPONSE', 'The server answered without a report');
  }
  return answer as unknown as PartReport;
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
