import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ReadModelDb } from '#ltc/projections';
import type { ContractScope } from '../contract-access.js';
import { contractInvoicesDb, type ContractInvoiceRow } from './contract-invoices.projection.js';

const DAY_MS = 86_400_000;
/** The window days sales outstanding looks back over. */
export const DSO_WINDOW_DAYS = 90;

export class AgingBucketsView {
  @ApiProperty({ description: 'Open, not yet due' }) currentMinor!: number;
  @ApiProperty({ description: '1 to 30 days overdue' }) days1To30Minor!: number;
  @ApiProperty() days31To60Minor!: number;
  @ApiProperty() days61To90Minor!: number;
  @ApiProperty({ description: 'More than 90 days overdue' }) over90Minor!: number;
}

export class CashAgingLineView {
  @ApiProperty({ description: 'The AR who collects the cash' }) ar!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty() openInvoices!: number;
  @ApiProperty() openMinor!: number;
  @ApiProperty({ type: () => AgingBucketsView }) buckets!: AgingBucketsView;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: `Days sales outstanding: open now ÷ invoiced in the last ${DSO_WINDOW_DAYS} days × ${DSO_WINDOW_DAYS}; null when nothing was invoiced then`,
  })
  daysSalesOutstanding!: number | null;
}

export class CashAgingView {
  @ApiProperty({ description: 'The moment the ages are computed at' }) asOf!: string;
  @ApiProperty({ type: [CashAgingLineView] }) lines!: CashAgingLineView[];
}

/**
 * Whole days overdue: 0 before the due moment, then 1 from that moment (when dunning flags the
 * invoice overdue, so the aging and the AR's inbox agree) through its first 24 hours, and so on.
 */
export const daysOverdue = (dueAt: string, now: Date): number => {
  const late = now.getTime() - Date.parse(dueAt);
  return late < 0 ? 0 : Math.max(1, Math.ceil(late / DAY_MS));
};

type Bucket = keyof AgingBucketsView;
const bucketOf = (days: number): Bucket =>
  days === 0
    ? 'currentMinor'
    : days <= 30
      ? 'days1To30Minor'
      : days <= 60
        ? 'days31To60Minor'
        : days <= 90
          ? 'days61To90Minor'
          : 'over90Minor';

/**
 * Open invoices per AR and currency by age, computed at read time from `now` (ages move with
 * the clock; the rows only change with events). Days sales outstanding is the usual
 * receivables ratio over a trailing window: what is open now divided by what was invoiced
 * (less credit notes) in the last 90 days, times 90 — how many days of recent billing are
 * still uncollected. A member sees the invoices they collect; managers and auditors all: for a
 * team's sales manager too it is the tenant's aggregate, like the other analytics (ADR 0030).
 */
export async function cashAging(
  db: ReadModelDb,
  tenantId: string,
  scope: ContractScope,
  now: Date,
): Promise<CashAgingView> {
  let query = contractInvoicesDb(db).selectFrom('contract_invoices').selectAll().where('tenant_id', '=', tenantId);
  if (scope.kind === 'member') query = query.where('ar_id', '=', scope.personId);
  const rows = await query.orderBy('ar_id').orderBy('currency').execute();
  const since = new Date(now.getTime() - DSO_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
  const lines = new Map<string, CashAgingLineView & { recentMinor: number }>();
  for (const row of rows) {
    const key = `${row.ar_id}\u0000${row.currency}`;
    const line = lines.get(key) ?? emptyLine(row);
    lines.set(key, line);
    const open = Number(row.open_minor);
    if (row.issued_on >= since) line.recentMinor += Number(row.amount_minor) - Number(row.credited_minor);
    if (open <= 0) continue;
    line.openInvoices += 1;
    line.openMinor += open;
    line.buckets[bucketOf(daysOverdue(row.due_at, now))] += open;
  }
  return {
    asOf: now.toISOString(),
    lines: [...lines.values()].map(({ recentMinor, ...line }) => ({
      ...line,
      daysSalesOutstanding:
        recentMinor > 0 ? Math.round((line.openMinor / recentMinor) * DSO_WINDOW_DAYS * 10) / 10 : null,
    })),
  };
}

function emptyLine(row: ContractInvoiceRow): CashAgingLineView & { recentMinor: number } {
  return {
    ar: row.ar_id,
    currency: row.currency,
    openInvoices: 0,
    openMinor: 0,
    buckets: { currentMinor: 0, days1To30Minor: 0, days31To60Minor: 0, days61To90Minor: 0, over90Minor: 0 },
    daysSalesOutstanding: null,
    recentMinor: 0,
  };
}
