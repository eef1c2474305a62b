import { BadRequestException, Inject, Injectable, PayloadTooLargeException } from '@nestjs/common';
import type { Logger } from 'pino';
import { DomainError, InvalidInputError, NotFoundError } from '#ltc/kernel';
import { ConcurrentModificationError, IdempotencyKeyReusedError } from '#ltc/commanding';
import { LOGGER, commandIdOf, createValidationPipe, type RequestContext } from '#ltc/platform';
import { CaptureLeadDto, contactKeys, LeadCapture } from '#ltc/leads';
import { runKeyedPool } from './keyed-pool.js';
import {
  ImportFileError,
  readImportRows,
  type ImportFormat,
  type ImportRow,
  type RowError,
} from './domain/import-rows.js';

/** Most data rows one import request takes; larger files are sent in parts (`ltc leads import` does). */
export const IMPORT_MAX_ROWS = 50_000;
/**
 * Rows captured at once, so the store's group commit writes their appends in shared
 * transactions (and in-process projections get larger batches). Measured on 10k rows with
 * the worker loops in-process: 16 → ~450 rows/s, 32 → ~710, 64 → ~770; 32 keeps most
 * of the gain while leaving room in each commit (at most 64 appends) for other requests.
 */
const ROWS_IN_FLIGHT = 32;

const COLUMN_RULES: Record<ImportFileError['code'], string> = {
  IMPORT_UNKNOWN_COLUMN: 'unknownColumn',
  IMPORT_MISSING_COLUMN: 'requiredColumn',
  IMPORT_MALFORMED: 'header',
};

export type ImportRowStatus = 'created' | 'duplicate' | 'touched' | 'invalid' | 'failed';

export interface ImportRowResult {
  readonly row: number;
  readonly status: ImportRowStatus;
  /** The lead the row now lives in: the new lead (created) or the existing one it touched. */
  readonly leadId?: string;
  /** The earlier lead holding the row's email or phone (duplicate, touched). */
  readonly existingLeadId?: string;
  /** Created by an earlier request with the same Idempotency-Key; nothing was written this time. */
  readonly replayed?: true;
  readonly errors?: readonly RowError[];
}

export interface ImportTotals {
  readonly rows: number;
  readonly created: number;
  readonly duplicate: number;
  readonly touched: number;
  readonly invalid: number;
  readonly failed: number;
}

export interface ImportReport {
  /** Names the import on every lead it captured; the managers' digest of leads left waiting says it. */
  readonly batchId: string;
  readonly totals: ImportTotals;
  readonly results: readonly ImportRowResult[];
}

export interface ImportOptions {
  readonly format: ImportFormat;
  readonly onDuplicate: 'reject' | 'touch';
  /** The number of the body's first data row (a client sending a large file in parts). */
  readonly firstRow: number;
  /** Leave created rows out of `results` (totals still count them). */
  readonly problemsOnly: boolean;
}

type ReadableRow = Extract<ImportRow, { input: unknown }>;

/**
 * Bulk import of leads: every row goes through the same validation and the same capture
 * (duplicate guard included) as `POST /leads`, with the caller's context. A bad row is
 * reported and never stops the others.
 */
@Injectable()
export class LeadImport {
  private readonly validation = createValidationPipe();

  constructor(
    @Inject(LeadCapture) private readonly capture: LeadCapture,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async import(ctx: RequestContext, text: string, options: ImportOptions): Promise<ImportReport> {
    const rows = this.read(text, options);
    // Names this import on every lead it captures, so routing can tell managers about it in one
    // notification. With an Idempotency-Key it comes from the key: the parts a client sends a large
    // file in under one key (as `ltc leads import` does), and their retries, are one import.
    const batchId = commandIdOf({
      ...ctx,
      ...(ctx.idempotencyKey ? { idempotencyKey: `import:${ctx.idempotencyKey}` } : {}),
    }).replace(/^cmd_/, 'import_');
    const results = await runKeyedPool(rows, { limit: ROWS_IN_FLIGHT, keysOf: contactKeysOf }, (row) =>
      'errors' in row ? Promise.resolve(invalid(row.row, row.errors)) : this.importRow(ctx, row, options, batchId),
    );
    return {
      batchId,
      totals: totalsOf(results),
      results: options.problemsOnly ? results.filter((r) => r.status !== 'created') : results,
    };
  }

  private read(text: string, options: ImportOptions): ImportRow[] {
    let rows: ImportRow[];
    try {
      rows = readImportRows(text, options.format, options.firstRow);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      throw new BadRequestException({
        code: error.code,
        message: error.message,
        ...(error.column
          ? { errors: [{ field: error.column, rule: COLUMN_RULES[error.code], message: error.message }] }
          : {}),
      });
    }
    if (rows.length === 0) {
      throw new BadRequestException({ code: 'IMPORT_EMPTY', message: 'The file has no data rows' });
    }
    if (rows.length > IMPORT_MAX_ROWS) {
      throw new PayloadTooLargeException({
        code: 'IMPORT_TOO_LARGE',
        message: `The file has ${rows.length} rows; one import takes at most ${IMPORT_MAX_ROWS}. Send it in parts.`,
      });
    }
    return rows;
  }

  private async importRow(
    ctx: RequestContext,
    row: ReadableRow,
    options: ImportOptions,
    batchId: string,
  ): Promise<ImportRowResult> {
    const validated = await this.validate(row.input);
    if ('errors' in validated) return invalid(row.row, validated.errors);
    const rowCtx: RequestContext = {
      ...ctx,
      // Each row is its own idempotent capture: a re-post with the same key lands on the same leads.
      idempotencyKey: ctx.idempotencyKey === undefined ? undefined : `${ctx.idempotencyKey}:row:${row.row}`,
      body: row.input,
    };
    validated.dto.onDuplicate = options.onDuplicate;
    try {
      const result = await this.capture.capture(rowCtx, validated.dto, { importBatchId: batchId });
      if (result.kind === 'touched') {
        return { row: row.row, status: 'touched', leadId: result.leadId, existingLeadId: result.leadId };
      }
      return {
        row: row.row,
        status: 'created',
        leadId: result.leadId,
        ...(result.kind === 'replayed' ? { replayed: true } : {}),
      };
    } catch (error) {
      return this.failure(row.row, error);
    }
  }

  private async validate(input: unknown): Promise<{ dto: CaptureLeadDto } | { errors: RowError[] }> {
    try {
      const dto: unknown = await this.validation.transform(input, { type: 'body', metatype: CaptureLeadDto });
      return { dto: dto as CaptureLeadDto };
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (errors) return { errors };
      throw error;
    }
  }

  private failure(row: number, error: unknown): ImportRowResult {
    if (error instanceof DomainError && error.code === 'LEAD_DUPLICATE') {
      const existing = error.details?.['existingLeadId'];
      const matchedOn = error.details?.['matchedOn'];
      return {
        row,
        status: 'duplicate',
        ...(typeof existing === 'string' ? { existingLeadId: existing } : {}),
        errors: [
          { field: typeof matchedOn === 'string' ? matchedOn : 'row', rule: 'duplicate', message: error.message },
        ],
      };
    }
    if (error instanceof InvalidInputError) {
      return invalid(row, [{ field: error.field, rule: error.rule, message: error.message }]);
    }
    if (error instanceof IdempotencyKeyReusedError) {
      const message = `${error.message} (row ${row} differs from the row first sent with this key)`;
      return { row, status: 'failed', errors: [{ field: 'Idempotency-Key', rule: error.code, message }] };
    }
    if (
      error instanceof DomainError ||
      error instanceof ConcurrentModificationError ||
      error instanceof NotFoundError
    ) {
      return { row, status: 'failed', errors: [{ field: 'row', rule: error.code, message: error.message }] };
    }
    this.logger.error({ err: error, row }, 'Lead import: a row failed');
    const message = 'Something went wrong on our side; it has been logged';
    return { row, status: 'failed', errors: [{ field: 'row', rule: 'INTERNAL_ERROR', message }] };
  }
}

function invalid(row: number, errors: readonly RowError[]): ImportRowResult {
  return { row, status: 'invalid', errors };
}

/** The email and phone a row would be matched on, normalised as the contact index does. */
function contactKeysOf(row: ImportRow): string[] {
  if (!('input' in row)) return [];
  const { email, phone } = row.input;
  return contactKeys({
    email: typeof email === 'string' ? email : null,
    phone: typeof phone === 'string' ? phone : null,
  }).map((key) => `${key.kind}:${key.value}`);
}

function validationErrorsOf(error: unknown): RowError[] | undefined {
  if (!(error instanceof BadRequestException)) return undefined;
  const body = error.getResponse();
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors)) return undefined;
  return (body.errors as unknown[]).filter(isRowError);
}

function isRowError(value: unknown): value is RowError {
  if (typeof value !== 'object' || value === null) return false;
  const error = value as Record<string, unknown>;
  return (
    typeof error['field'] === 'string' && typeof error['rule'] === 'string' && typeof error['message'] === 'string'
  );
}

function totalsOf(results: readonly ImportRowResult[]): ImportTotals {
  const count = (status: ImportRowStatus) => results.filter((r) => r.status === status).length;
  return {
    rows: results.length,
    created: count('created'),
    duplicate: count('duplicate'),
    touched: count('touched'),
    invalid: count('invalid'),
    failed: count('failed'),
  };
}
