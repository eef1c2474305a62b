import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { RecordedEvent } from '#ltc/event-store';
import { openReadModelDb, type ReadModelHandle } from '#ltc/projections';
import { createTestSchema, describeWithPostgres } from '#ltc/testing';
import { leadListProjection } from './lead-list.projection.js';
import { listLeads } from './lead.queries.js';

const AT = '2026-03-02T09:00:00.000Z';

/** The life of lead `n` of `tenant`: every event type the list folds, in an order a lead can live it. */
function history(tenant: string, n: number): { type: string; data: Record<string, unknown> }[] {
  const leadId = `${tenant}-lead-${n}`;
  const base = { leadId, at: AT };
  const captured = {
    type: 'LeadCaptured',
    data: {
      ...base,
      name: `Anna ${n}`,
      company: n % 2 ? 'Kestrel GmbH' : null,
      contact: { person: `Anna ${n}`, email: `anna.${n}@kestrel.io`, phone: n % 3 ? null : `+49 30 ${n}` },
      source: n % 2 ? 'website' : 'referral',
      region: 'emea',
      estimatedDealSize: n % 2 ? { amountMinor: 1_250_000 + n, currency: 'EUR' } : undefined,
      complete: true,
      capturedAt: AT,
    },
  };
  const tag = (type: string, tagName: string) => ({ type, data: { ...base, category: 'urgency', tag: tagName } });
  const events: { type: string; data: Record<string, unknown> }[] = [
    captured,
    {
      type: 'LeadScored',
      data: {
        ...base,
        score: 40 + n,
        tier: n % 2 ? 'A' : 'B',
        attemptTarget: 3,
        modelVersion: 2,
        breakdown: [{ rule: 'size', points: 10 }],
      },
    },
    tag('LeadTagged', 'this-week'),
    tag('LeadTagged', 'hot'),
    { type: 'LeadTouchRecorded', data: base },
    {
      type: 'LeadOffered',
      data: { ...base, offerId: `o${n}`, repId: 'rep-1', round: 1, policyVersion: 1, expiresAt: AT },
    },
    { type: 'LeadOfferDeclined', data: { ...base, offerId: `o${n}`, repId: 'rep-1' } },
    tag('LeadUntagged', 'this-week'),
    {
      type: 'LeadAssigned',
      data: { ...base, repId: 'rep-2', method: 'round_robin', reason: 'next in turn', responseDueAt: AT },
    },
    { type: 'LeadResponseWarning', data: base },
    { type: 'LeadResponseSlaBreached', data: base },
    {
      type: 'LeadContactAttempted',
      data: { ...base, repId: 'rep-2', attemptNo: 1, channel: 'phone', outcome: 'no_answer' },
    },
    { type: 'LeadInteractionRecorded', data: base },
    {
      type: 'LeadDetailsEdited',
      data: {
        ...base,
        changes: {
          name: { before: `Anna ${n}`, after: `Anna Berg ${n}` },
          notes: { before: null, after: 'call back' },
        },
      },
    },
    {
      type: 'LeadContactChanged',
      data: { ...base, email: { before: `anna.${n}@kestrel.io`, after: `anna@nordwind.se` }, complete: true },
    },
    { type: 'LeadTeamSet', data: { ...base, team: 'emea-north' } },
    { type: 'LeadNurtured', data: { ...base, reactivateOn: '2026-06-01', reason: null } },
    { type: 'LeadReactivated', data: base },
    { type: 'LeadQualified', data: base },
  ];
  // Leads leave the list's pipeline in different ways, so the per-status counts differ.
  if (n % 3 === 0) events.push({ type: 'LeadDisqualified', data: { ...base, reasonCode: 'no_budget', note: null } });
  if (n % 3 === 1) events.push({ type: 'LeadConverted', data: { ...base, dealId: `deal-${n}` } });
  if (n % 3 === 2) events.push({ type: 'LeadRecycled', data: { ...base, previousRepId: 'rep-2', reason: 'idle' } });
  return events;
}

/** Six leads of two tenants, their histories interleaved (a batch touches each lead many times), and an event for a lead never captured. */
function events(): RecordedEvent[] {
  const histories = ['acme', 'globex'].flatMap((tenant) =>
    [1, 2, 3].map((n) => ({ tenant, n, events: history(tenant, n) })),
  );
  const out: RecordedEvent[] = [];
  const longest = Math.max(...histories.map((h) => h.events.length));
  for (let step = 0; step < longest; step++) {
    for (const { tenant, n, events: lived } of histories) {
      const event = lived[step];
      if (event) out.push(recorded(out.length + 1, tenant, `lead-${tenant}-lead-${n}`, BigInt(step), event));
    }
  }
  out.push(
    recorded(out.length + 1, 'acme', 'lead-never', 1n, {
      type: 'LeadTouchRecorded',
      data: { leadId: 'never', at: AT },
    }),
  );
  return out;
}

function recorded(
  position: number,
  tenantId: string,
  stream: string,
  revision: bigint,
  event: { type: string; data: Record<string, unknown> },
): RecordedEvent {
  return {
    id: `e${position}`,
    stream,
    revision,
    position: BigInt(position),
    type: event.type,
    data: event.data,
    metadata: {
      actor: { userId: 'ana', role: 'ar' },
      correlationId: 'c',
      causationId: 'c',
      commandId: `k${position}`,
      tenantId,
      schemaVersion: 1,
    },
    recordedAt: new Date(Date.parse(AT) + position * 1000),
  };
}

type Contents = Record<'rows' | 'tags' | 'counts' | 'search', unknown[]>;

/** Everything the lead list leaves behind: its rows, its tag rows, its non-zero counts (a missing count reads as zero) and search hits. */
async function contents(handle: ReadModelHandle): Promise<Contents> {
  const rows = await sql`select * from lead_list order by tenant_id, lead_id`.execute(handle.db);
  const tags = await sql`select * from lead_list_tags order by tenant_id, tag, lead_id`.execute(handle.db);
  const counts = await sql`select tenant_id, status, leads from lead_list_counts where leads <> 0
    order by tenant_id, status`.execute(handle.db);
  const search = await listLeads(handle.db, 'acme', { limit: 50, offset: 0, q: 'nordwind' });
  return { rows: rows.rows, tags: tags.rows, counts: counts.rows, search: search.items.map((lead) => lead.id) };
}

type Fold = (handle: ReadModelHandle, all: readonly RecordedEvent[]) => Promise<void>;

const oneByOne: Fold = async (handle, all) => {
  for (const event of all) await handle.db.transaction().execute((trx) => leadListProjection.apply(trx, event));
};

const inBatchesOf =
  (size: number): Fold =>
  async (handle, all) => {
    const applyBatch = leadListProjection.applyBatch;
    if (!applyBatch) throw new Error('lead_list folds batches');
    for (let i = 0; i < all.length; i += size) {
      await handle.db.transaction().execute((trx) => applyBatch(trx, all.slice(i, i + size)));
    }
  };

function suite(open: () => Promise<{ handle: ReadModelHandle; dispose(): Promise<void> }>): void {
  const disposals: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const dispose of disposals) await dispose();
  });

  async function folded(fold: Fold): Promise<Contents> {
    const { handle, dispose } = await open();
    disposals.push(dispose);
    await leadListProjection.setup(handle.db);
    await fold(handle, events());
    return contents(handle);
  }

  it('applyBatch leaves exactly the rows apply leaves, whatever the batch boundaries', async () => {
    const expected = await folded(oneByOne);
    // Six leads, each left with one tag under two keys, in three end states per tenant.
    expect(expected.rows).toHaveLength(6);
    expect(expected.tags).toHaveLength(12);
    expect(expected.counts).toHaveLength(6);
    expect(expected.search).toHaveLength(3);
    expect(await folded(inBatchesOf(5))).toEqual(expected);
    expect(await folded(inBatchesOf(1_000))).toEqual(expected);
  });
}

describe('Lead list, one event at a time or in batches (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-lead-batches-'));
  let next = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  suite(async () => {
    const handle = await openReadModelDb({ sqliteFilename: join(dir, `rm-${next++}.sqlite`) });
    return { handle, dispose: () => handle.close() };
  });
});

await describeWithPostgres('Lead list, one event at a time or in batches (PostgreSQL)', (url) => {
  suite(async () => {
    const schema = await createTestSchema(url, 'lead_batches');
    const handle = await openReadModelDb({ url, schema: schema.name, sqliteFilename: 'unused.db' });
    return {
      handle,
      dispose: async () => {
        await handle.close();
        await schema.drop();
      },
    };
  });
});
