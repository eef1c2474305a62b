import { InvalidInputError } from '#ltc/kernel';

/**
 * The time window an analytics query covers. Both bounds are inclusive as given; a date
 * alone (`2026-03-31`) covers that whole UTC day. Stored as an inclusive start and an
 * exclusive end in `toISOString()` form, which is how every lead event writes its times,
 * so a text comparison in SQL is a time comparison.
 */
export interface AnalysisWindow {
  /** Inclusive start; null = since the beginning. */
  readonly from: string | null;
  /** Exclusive end; null = until now and beyond. */
  readonly before: string | null;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A date-time with its UTC offset: without one, `Date.parse` would use the server's zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Checks and normalises `from`/`to`; `from` after `to` is refused naming `from`. */
export function analysisWindow(from?: string | null, to?: string | null): AnalysisWindow {
  const start = from ? instant('from', from) : null;
  const end = to ? instant('to', to) + (DATE_ONLY.test(to) ? MS_PER_DAY : 1) : null;
  if (start !== null && end !== null && start >= end) {
    throw new InvalidInputError('from', 'order', 'from must not be after to');
  }
  return {
    from: start === null ? null : new Date(start).toISOString(),
    before: end === null ? null : new Date(end).toISOString(),
  };
}

function instant(field: string, value: string): number {
  // A date alone is read as UTC midnight by Date.parse; a date-time must carry its offset.
  const wellFormed = (DATE_ONLY.test(value) || DATE_TIME.test(value)) && realCalendarDate(value.slice(0, 10));
  const ms = wellFormed ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new InvalidInputError(
      field,
      'isIso8601',
      `${field} must be an ISO 8601 date, or a date-time with Z or an offset`,
    );
  }
  return ms;
}

/** Date.parse rolls 2026-02-30 over to March; a date that names no day is refused instead. */
function realCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}
