import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '#ltc/kernel';
import { READ_MODEL_DB } from '#ltc/platform';
import type { ReadModelDb, ReadModelHandle } from '#ltc/projections';
import { paddedPosition } from '../trail/audit-trail.table.js';
import { historyEntryView, type HistoryEntryView } from './history-entry.view.js';
import {
  actorActivityPage,
  dealExists,
  dealHistoryPage,
  entriesById,
  type HistoryFilter,
  type TrailEntryRow,
} from './history.queries.js';

export interface HistoryPage {
  readonly entries: HistoryEntryView[];
  /** The position to pass as `after` for the next page; null on the last one. */
  readonly nextAfter: string | null;
}

/** Where a history is read from: one deal's streams, or one person's entries. */
export type HistorySource =
  { readonly deal: string; readonly tenantId: string } | { readonly actor: string; readonly tenantId: string };

/** Longest causal chain `explain` follows; a longer one is cut there and says so. */
const MAX_CHAIN = 100;
const EXPORT_PAGE = 1_000;

/** Deal histories, a person's activity and causal chains, read from the audit trail. */
@Injectable()
export class HistoryReader {
  private readonly db: ReadModelDb;

  constructor(@Inject(READ_MODEL_DB) readModels: ReadModelHandle) {
    this.db = readModels.queryDb;
  }

  async page(
    source: HistorySource,
    filter: HistoryFilter,
    after: bigint | undefined,
    limit: number,
  ): Promise<HistoryPage> {
    if ('deal' in source && !(await dealExists(this.db, source.tenantId, source.deal))) {
      throw new NotFoundError('Deal', source.deal);
    }
    const rows = await this.rows(source, filter, after === undefined ? undefined : paddedPosition(after), limit + 1);
    const entries = await this.withCauses(source.tenantId, rows.slice(0, limit));
    return { entries, nextAfter: rows.length > limit ? (entries.at(-1)?.position ?? null) : null };
  }

  /**
   * Every entry matching the filter, page by page, for an export. An unknown deal is refused
   * here, before the answer starts, so that it is still a 404.
   */
  async all(source: HistorySource, filter: HistoryFilter): Promise<AsyncGenerator<HistoryEntryView>> {
    if ('deal' in source && !(await dealExists(this.db, source.tenantId, source.deal))) {
      throw new NotFoundError('Deal', source.deal);
    }
    return this.pages(source, filter);
  }

  private async *pages(source: HistorySource, filter: HistoryFilter): AsyncGenerator<HistoryEntryView> {
    let after: string | undefined;
    for (;;) {
      const rows = await this.rows(source, filter, after, EXPORT_PAGE);
      yield* await this.withCauses(source.tenantId, rows);
      if (rows.length < EXPORT_PAGE) return;
      after = rows.at(-1)?.position;
    }
  }

  /**
   * The causal chain of one event of the deal, from the command (or the first cause the log
   * holds) down to the event itself.
   */
  async explain(
    tenantId: string,
    dealId: string,
    eventId: string,
  ): Promise<{ chain: HistoryEntryView[]; complete: boolean }> {
    const start = (await entriesById(this.db, tenantId, [eventId])).get(eventId);
    if (start === undefined || start.deal_id !== dealId) throw new NotFoundError('Event', eventId);
    const chain: TrailEntryRow[] = [start];
    const seen = new Set([start.event_id]);
    while (chain.length < MAX_CHAIN) {
      const current = chain[0] as TrailEntryRow;
      const causing = (await entriesById(this.db, tenantId, [current.causation_id])).get(current.causation_id);
      if (causing === undefined || seen.has(causing.event_id)) break;
      seen.add(causing.event_id);
      chain.unshift(causing);
    }
    const views = await this.withCauses(tenantId, chain);
    // Complete when it starts at a person's command; else the log does not hold the first cause.
    return { chain: views, complete: views[0]?.cause.kind === 'command' };
  }

  private rows(
    source: HistorySource,
    filter: HistoryFilter,
    after: string | undefined,
    limit: number,
  ): Promise<TrailEntryRow[]> {
    const page = { ...(after === undefined ? {} : { after }), limit };
    return 'deal' in source
      ? dealHistoryPage(this.db, source.tenantId, source.deal, filter, page)
      : actorActivityPage(this.db, source.tenantId, source.actor, filter, page);
  }

  private async withCauses(tenantId: string, rows: readonly TrailEntryRow[]): Promise<HistoryEntryView[]> {
    const causes = await entriesById(
      this.db,
      tenantId,
      rows.map((row) => row.causation_id),
    );
    return rows.map((row) => historyEntryView(row, causes.get(row.causation_id)));
  }
}
