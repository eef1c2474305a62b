import type { RecordedEvent } from '#ltc/event-store';
import type { DealLink } from '#ltc/platform';
import { upsertMany, type ReadModelTransaction } from '#ltc/projections';
import { auditDb, type DealStreamRow, type StreamParentRow } from './audit-trail.table.js';

/**
 * The deal links of one batch of the audit trail, resolved against the batch first and the
 * tables after. A stream may join a deal after streams that hang off it were started (a lead
 * arms its response timers long before it converts): those children are kept with their
 * parent, and join the deal when the parent does, however deep the chain.
 */
export class BatchLinks {
  private readonly dealOfStream = new Map<string, string | null>();
  private readonly streamOfEvent = new Map<string, string>();
  private readonly children = new Map<string, string[]>();
  private readonly links: DealStreamRow[] = [];
  private readonly parents: StreamParentRow[] = [];

  constructor(private readonly trx: ReadModelTransaction) {}

  seen(event: RecordedEvent): void {
    this.streamOfEvent.set(key(event.metadata.tenantId, event.id), event.stream);
  }

  /** `child` hangs off the stream of the event that started it: it shares that stream's deal, now or later. */
  async childOfEvent(tenantId: string, child: string, eventId: string): Promise<void> {
    const parent = await this.streamOf(tenantId, eventId);
    if (parent === undefined) return;
    this.parents.push({ tenant_id: tenantId, stream: child, parent_stream: parent });
    const known = this.children.get(key(tenantId, parent));
    if (known) known.push(child);
    else this.children.set(key(tenantId, parent), [child]);
    const dealId = await this.dealOf(tenantId, parent);
    if (dealId !== null) await this.join(tenantId, child, dealId);
  }

  async add(tenantId: string, link: DealLink): Promise<void> {
    const dealId = 'dealId' in link ? link.dealId : await this.dealOf(tenantId, link.sameDealAs);
    if (dealId !== null) await this.join(tenantId, link.stream, dealId);
  }

  async write(): Promise<void> {
    await upsertMany(
      this.trx,
      {
        table: 'audit_deal_streams',
        columns: ['tenant_id', 'stream', 'deal_id'],
        key: ['tenant_id', 'stream'],
        update: [],
      },
      this.links,
    );
    await upsertMany(
      this.trx,
      {
        table: 'audit_stream_parents',
        columns: ['tenant_id', 'stream', 'parent_stream'],
        key: ['tenant_id', 'stream'],
        update: [],
      },
      this.parents,
    );
  }

  /** The stream joins the deal (the first link wins), and so do the streams hanging off it. */
  private async join(tenantId: string, stream: string, dealId: string): Promise<void> {
    const pending = [stream];
    while (pending.length > 0) {
      const next = pending.pop() as string;
      if ((await this.dealOf(tenantId, next)) !== null) continue;
      this.dealOfStream.set(key(tenantId, next), dealId);
      this.links.push({ tenant_id: tenantId, stream: next, deal_id: dealId });
      pending.push(...(await this.childrenOf(tenantId, next)));
    }
  }

  private async dealOf(tenantId: string, stream: string): Promise<string | null> {
    const cacheKey = key(tenantId, stream);
    const cached = this.dealOfStream.get(cacheKey);
    if (cached !== undefined) return cached;
    const row = await auditDb(this.trx)
      .selectFrom('audit_deal_streams')
      .select('deal_id')
      .where('tenant_id', '=', tenantId)
      .where('stream', '=', stream)
      .executeTakeFirst();
    const dealId = row?.deal_id ?? null;
    this.dealOfStream.set(cacheKey, dealId);
    return dealId;
  }

  private async childrenOf(tenantId: string, stream: string): Promise<string[]> {
    const stored = await auditDb(this.trx)
      .selectFrom('audit_stream_parents')
      .select('stream')
      .where('tenant_id', '=', tenantId)
      .where('parent_stream', '=', stream)
      .execute();
    return [...new Set([...stored.map((row) => row.stream), ...(this.children.get(key(tenantId, stream)) ?? [])])];
  }

  private async streamOf(tenantId: string, eventId: string): Promise<string | undefined> {
    const inBatch = this.streamOfEvent.get(key(tenantId, eventId));
    if (inBatch !== undefined) return inBatch;
    const row = await auditDb(this.trx)
      .selectFrom('audit_trail')
      .select('stream')
      .where('tenant_id', '=', tenantId)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    return row?.stream;
  }
}

const key = (tenantId: string, id: string): string => `${tenantId}\n${id}`;
