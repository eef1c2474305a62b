import { sql } from 'kysely';
import { ManualClock } from '#ltc/clock';
import type { ProjectionRunner } from '#ltc/projections';
import type { PeopleDirectory, PersonRecord } from '#ltc/platform';
import { describeWithPostgres } from '#ltc/testing';
import { listHandoffs } from '../handoffs/handoffs.queries.js';
import { InboxService } from '../inbox/inbox.service.js';
import { invoicesOverdueProjection } from './invoices-overdue.projection.js';
import { opportunityTriangleProjection } from './opportunity-triangle.projection.js';
import { DealHistory, at, postgresDb, sqliteDb, type TestDb } from '../test/deal-history.js';
import {
  approvalRequested,
  handoffAccepted,
  handoffDeclined,
  handoffEscalated,
  handoffOverdue,
  handoffRequested,
  memberChanged,
  opened,
  quoteApproved,
  quoteCreated,
  triangleFormed,
} from '../test/deal-events.js';
import { triangleReadsDb } from './triangle-reads.tables.js';

/**
 * d1: ana hands to sam (accepted in 30 min), then sam hands to fay, who lets it go overdue
 * (sponsor max told) and escalated (to mia). d2: bo's handoff to sam is declined; bo asks
 * approval for quote v1. d1's quote v1 was approved already. globex's deal never shows in acme.
 */
async function seed(h: DealHistory): Promise<void> {
  await h.append(
    'acme',
    opened('d1', 'ana', at('09:00:00')),
    triangleFormed('d1', { ar: 'ana', sr: 'sam', fr: 'fay', sponsor: 'max' }, at('09:05:00')),
    handoffRequested('d1', 'h1', 'ana', 'sam', at('09:10:00'), at('10:10:00'), at('11:10:00')),
    handoffAccepted('d1', 'h1', 'ana', 'sam', at('09:40:00'), 1800),
    quoteCreated('d1', 1, true, at('10:00:00')),
    approvalRequested('d1', 1, 'sam', at('10:01:00')),
    quoteApproved('d1', 1, 'max', 'sam', at('10:02:00')),
    handoffRequested('d1', 'h2', 'sam', 'fay', at('12:00:00'), at('12:30:00'), at('13:00:00')),
    handoffOverdue('d1', 'h2', 'fay', 'max', at('12:30:00'), at('12:30:00')),
    handoffEscalated('d1', 'h2', 'fay', 'mia', at('13:00:00'), at('13:00:00')),
  );
  await h.append(
    'acme',
    opened('d2', 'bo', at('09:30:00'), null),
    triangleFormed('d2', { ar: 'bo', sr: 'sam', sponsor: 'max' }, at('09:31:00')),
    handoffRequested('d2', 'h3', 'bo', 'sam', at('10:00:00'), at('11:00:00'), at('12:00:00')),
    handoffDeclined('d2', 'h3', 'bo', 'sam', at('10:30:00')),
    quoteCreated('d2', 1, true, at('10:40:00')),
    approvalRequested('d2', 1, 'bo', at('10:41:00')),
    quoteCreated('d2', 2, false, at('10:50:00')),
  );
  await h.append(
    'globex',
    opened('g1', 'ana', at('09:00:00')),
    handoffRequested('g1', 'h9', 'ana', 'sam', at('09:00:00'), at('09:01:00'), at('09:02:00')),
    memberChanged('g1', 'sponsor', 'gus', null, at('09:00:30')),
  );
}

const NOW = at('13:10:00');
const TENANT = { kind: 'tenant' } as const;
const member = (personId: string) => ({ kind: 'member', personId }) as const;

/** The organisation's records as the port gives them: bo's and ana's team manager is max. */
const directory: PeopleDirectory = {
  async lookup(_tenantId, ids) {
    const known: Record<string, PersonRecord> = {
      ana: { roles: ['ar'], salesManager: 'max' },
      bo: { roles: ['ar'], salesManager: 'max' },
    };
    return new Map(ids.flatMap((id) => (known[id] ? [[id, known[id]] as const] : [])));
  },
};

function suite(open: () => Promise<TestDb>): void {
  let db: TestDb;
  let history: DealHistory;
  let runner: ProjectionRunner;
  let inboxes: InboxService;

  beforeEach(async () => {
    db = await open();
    history = new DealHistory();
    await seed(history);
    runner = await history.runner(db.handle, [opportunityTriangleProjection, invoicesOverdueProjection]);
    inboxes = new InboxService(db.handle, new ManualClock(NOW), directory);
  });
  afterEach(async () => {
    await runner.stop();
    await history.store.close();
    await db.dispose();
  });

  const ids = async (scope: Parameters<typeof listHandoffs>[2], state: Parameters<typeof listHandoffs>[3]) =>
    (await listHandoffs(db.handle.db, 'acme', scope, state)).map((row) => row.handoff_id);

  it('keeps each deal with its seats, its leader and the handoff waiting on someone', async () => {
    const rows = await triangleReadsDb(db.handle.db)
      .selectFrom('opportunity_members')
      .select([
        'tenant_id',
        'opportunity_id',
        'ar_id',
        'sr_id',
        'fr_id',
        'sponsor_id',
        'leader_id',
        'pending_handoff_to',
        'source',
      ])
      .orderBy('tenant_id')
      .orderBy('opportunity_id')
      .execute();
    expect(rows).toEqual([
      {
        tenant_id: 'acme',
        opportunity_id: 'd1',
        ar_id: 'ana',
        sr_id: 'sam',
        fr_id: 'fay',
        sponsor_id: 'max',
        leader_id: 'sam',
        pending_handoff_to: 'fay',
        source: 'website',
      },
      {
        tenant_id: 'acme',
        opportunity_id: 'd2',
        ar_id: 'bo',
        sr_id: 'sam',
        fr_id: null,
        sponsor_id: 'max',
        leader_id: 'bo',
        pending_handoff_to: null,
        source: null,
      },
      {
        tenant_id: 'globex',
        opportunity_id: 'g1',
        ar_id: 'ana',
        sr_id: null,
        fr_id: null,
        sponsor_id: 'gus',
        leader_id: 'ana',
        pending_handoff_to: 'sam',
        source: 'website',
      },
    ]);
  });

  it('lists handoffs by state, stalled ones as overdue and escalated, oldest first, within what the caller sees', async () => {
    expect(await ids(TENANT, 'pending')).toEqual(['h2']);
    expect(await ids(TENANT, 'overdue')).toEqual(['h2']);
    expect(await ids(TENANT, 'escalated')).toEqual(['h2']);
    expect(await ids(TENANT, 'accepted')).toEqual(['h1']);
    expect(await ids(TENANT, 'declined')).toEqual(['h3']);
    expect(await ids(member('fay'), 'pending')).toEqual(['h2']);
    expect(await ids(member('bo'), 'accepted')).toEqual([]);
    expect(await ids(member('bo'), 'declined')).toEqual(['h3']);
    const [h1] = await listHandoffs(db.handle.db, 'acme', TENANT, 'accepted');
    expect(h1).toMatchObject({
      from_id: 'ana',
      to_id: 'sam',
      answered_at: at('09:40:00'),
      sponsor_id: 'max',
      deal_name: 'Deal d1',
    });
    expect(Number(h1?.seconds_to_accept)).toBe(1800);
    // A sponsor named while the handoff waits is the one its overdue notice will go to.
    const [h9] = await listHandoffs(db.handle.db, 'globex', TENANT, 'pending');
    expect(h9).toMatchObject({ handoff_id: 'h9', sponsor_id: 'gus' });
  });

  it("shows the receiver's waiting handoff with its age and time left, the sponsor's alert and the escalation", async () => {
    const fay = await inboxes.inbox('acme', 'fay', { kind: 'none' });
    expect(fay.overdueCount).toBe(1);
    expect(fay.handoffs).toEqual([
      expect.objectContaining({
        handoffId: 'h2',
        overdue: true,
        escalated: true,
        ageSeconds: 70 * 60,
        secondsLeft: -40 * 60,
        openItems: ['pricing'],
      }),
    ]);
    expect(fay.triangle).toEqual([
      expect.objectContaining({ opportunityId: 'd1', seats: ['fr'], leading: false, leader: 'sam' }),
    ]);
    expect(fay.leading).toEqual([]);
    const max = await inboxes.inbox('acme', 'max', { kind: 'team_manager' });
    expect(max.sponsorAlerts.map((h) => h.handoffId)).toEqual(['h2']);
    expect(max.triangle.map((d) => [d.opportunityId, d.seats])).toEqual([
      ['d1', ['sponsor']],
      ['d2', ['sponsor']],
    ]);
    expect(max.approvals).toEqual([
      {
        opportunityId: 'd2',
        dealName: 'Deal d2',
        version: 1,
        currency: 'EUR',
        totalMinor: 800_00,
        discountMinor: 200_00,
        requestedBy: 'bo',
        requestedAt: at('10:41:00'),
        ageSeconds: 149 * 60,
      },
    ]);
    const mia = await inboxes.inbox('acme', 'mia', { kind: 'team_manager' });
    expect(mia.escalations.map((h) => h.handoffId)).toEqual(['h2']);
    expect(mia.approvals).toEqual([]);
    const sam = await inboxes.inbox('acme', 'sam', { kind: 'none' });
    expect(sam.leading.map((d) => d.opportunityId)).toEqual(['d1']);
    expect(sam.handoffs).toEqual([]);
  });

  it('shows pending approvals to any sales manager but the one who asked', async () => {
    expect(
      (await inboxes.inbox('acme', 'mia', { kind: 'any_sales_manager' })).approvals.map((a) => a.opportunityId),
    ).toEqual(['d2']);
    expect((await inboxes.inbox('acme', 'bo', { kind: 'any_sales_manager' })).approvals).toEqual([]);
    expect((await inboxes.inbox('globex', 'max', { kind: 'any_sales_manager' })).approvals).toEqual([]);
  });

  it('rebuilds to exactly the same rows, and apply one event at a time agrees with the batches', async () => {
    const snapshot = async () => {
      const t = triangleReadsDb(db.handle.db);
      return {
        members: await t
          .selectFrom('opportunity_members')
          .selectAll()
          .orderBy('tenant_id')
          .orderBy('opportunity_id')
          .execute(),
        handoffs: await t
          .selectFrom('opportunity_handoffs')
          .selectAll()
          .orderBy('tenant_id')
          .orderBy('handoff_id')
          .execute(),
        approvals: await t
          .selectFrom('opportunity_quote_approvals')
          .selectAll()
          .orderBy('tenant_id')
          .orderBy('opportunity_id')
          .orderBy('version')
          .execute(),
      };
    };
    const before = await snapshot();
    expect(before.handoffs).toHaveLength(4);
    expect(before.approvals).toHaveLength(2);
    await runner.rebuild(opportunityTriangleProjection.name);
    await runner.waitFor(opportunityTriangleProjection.name, history.head);
    expect(await snapshot()).toEqual(before);
    await runner.stop();
    await history.replayOneByOne(db.handle, opportunityTriangleProjection);
    expect(await snapshot()).toEqual(before);
  });
}

/** A store written by version 1, whose member rows have no team: setup adds the column the rebuild then fills. */
function upgradeSuite(open: () => Promise<TestDb>): void {
  it("adds the deal's team to a version-1 members table", async () => {
    const db = await open();
    try {
      await db.handle.db.schema
        .createTable('opportunity_members')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('opportunity_id', 'text', (c) => c.notNull())
        .execute();
      await opportunityTriangleProjection.setup(db.handle.db);
      // Read the column itself: introspection lists every schema of the server, and other
      // suites' scratch schemas come and go meanwhile.
      const { rows } = await sql`select team_id from opportunity_members`.execute(db.handle.db);
      expect(rows).toEqual([]);
    } finally {
      await db.dispose();
    }
  });
}

describe('Triangle read models (members, handoffs, approvals) on SQLite', () => {
  suite(() => sqliteDb('triangle'));
  upgradeSuite(() => sqliteDb('triangle-v1'));
});

await describeWithPostgres('Triangle read models (members, handoffs, approvals) on PostgreSQL', (url) => {
  suite(() => postgresDb(url, 'triangle'));
  upgradeSuite(() => postgresDb(url, 'triangle_v1'));
});
