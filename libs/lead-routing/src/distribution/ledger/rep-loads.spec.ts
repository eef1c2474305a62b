import fc from 'fast-check';
import type { LeadEvent } from '#ltc/leads/domain';
import { describeWithPostgres, postgresTestDb, sqliteTestDb, type TestDb } from '#ltc/testing';
import { MS_PER_DAY } from '../domain/distribution-policy.js';
import { NO_LOAD, type RepLoad } from '../domain/rep-candidate.js';
import type { DistributionDecision } from '../domain/distribute-lead.js';
import {
  applyToLedger,
  forgetDecision,
  ledgerDb,
  recordDecision,
  resetLedger,
  sequenceOf,
  setupDistributionLedger,
  type LedgerRow,
} from './distribution-ledger.js';
import { PERFORMANCE_WINDOW_DAYS, openLeadsOf, repLoads } from './ledger.queries.js';
import { repDaysDb } from './rep-days.js';

const TENANT = 'acme';
const NOW = new Date('2026-06-15T10:30:00.000Z');
const REPS = ['ana', 'bo', 'cleo'];
const LEADS = ['l1', 'l2', 'l3', 'l4'];
/** Days before NOW, around today's start and both sides of the 90-day window's first day. */
const AGES_IN_DAYS = [0, 0.3, 0.5, 1, 2, 89.4, 89.9, 90, 90.01, 90.3, 90.5, 91, 120];
const ENDINGS = ['LeadConverted', 'LeadPooled', 'LeadRecycled', 'LeadDisqualified', 'LeadArchived'] as const;

type Step =
  | { readonly kind: 'decide'; readonly lead: number; readonly rep: number; readonly age: number }
  | { readonly kind: 'confirm'; readonly lead: number }
  | { readonly kind: 'claim'; readonly lead: number; readonly rep: number; readonly age: number }
  | { readonly kind: 'end'; readonly lead: number; readonly ending: number; readonly age: number }
  | { readonly kind: 'forget'; readonly lead: number };

const index = (length: number): fc.Arbitrary<number> => fc.nat({ max: length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('decide' as const), lead: index(4), rep: index(3), age: index(AGES_IN_DAYS.length) }),
  fc.record({ kind: fc.constant('confirm' as const), lead: index(4) }),
  fc.record({ kind: fc.constant('claim' as const), lead: index(4), rep: index(3), age: index(AGES_IN_DAYS.length) }),
  fc.record({ kind: fc.constant('end' as const), lead: index(4), ending: index(5), age: index(AGES_IN_DAYS.length) }),
  fc.record({ kind: fc.constant('forget' as const), lead: index(4) }),
);

const at = (age: number): string => new Date(NOW.getTime() - (AGES_IN_DAYS[age] ?? 0) * MS_PER_DAY).toISOString();

/** Drives the ledger through its real write paths, as routing and the lead events do. */
class LedgerDriver {
  private position = 0n;
  private readonly assignments = new Map<string, number>();
  /** Per lead: the last decision not yet confirmed or forgotten. */
  private readonly pending = new Map<string, { key: string; repId: string; assignmentNo: number; at: string }>();

  constructor(private readonly db: TestDb['handle']['db']) {}

  async run(s: Step): Promise<void> {
    const leadId = LEADS[s.lead] as string;
    this.position += 1n;
    if (s.kind === 'decide') {
      const assignmentNo = (this.assignments.get(leadId) ?? 0) + 1;
      this.assignments.set(leadId, assignmentNo);
      const repId = REPS[s.rep] as string;
      const key = `decision-${this.position}`;
      const decision = { kind: 'assign', method: 'round_robin', repId, responseTargetSeconds: 300 };
      await recordDecision(this.db, {
        tenantId: TENANT,
        leadId,
        decisionKey: key,
        stored: { decision: decision as DistributionDecision, policyVersion: 1, assignmentNo },
        sequence: sequenceOf(this.position),
        now: new Date(at(s.age)),
      });
      this.pending.set(leadId, { key, repId, assignmentNo, at: at(s.age) });
    } else if (s.kind === 'confirm' || s.kind === 'claim') {
      const pending = this.pending.get(leadId);
      if (s.kind === 'confirm' && !pending) return;
      const assignmentNo = pending?.assignmentNo ?? (this.assignments.get(leadId) ?? 0) + 1;
      this.assignments.set(leadId, Math.max(assignmentNo, this.assignments.get(leadId) ?? 0));
      const repId = s.kind === 'confirm' ? (pending?.repId as string) : (REPS[s.rep] as string);
      const when = s.kind === 'confirm' ? (pending?.at as string) : at(s.age);
      this.pending.delete(leadId);
      await this.apply({ type: 'LeadAssigned', data: { leadId, repId, assignmentNo, method: 'claim', at: when } });
    } else if (s.kind === 'end') {
      await this.apply({ type: ENDINGS[s.ending] as string, data: { leadId, at: at(s.age) } });
    } else {
      const pending = this.pending.get(leadId);
      if (!pending) return;
      this.pending.delete(leadId);
      await forgetDecision(this.db, pending.key);
    }
  }

  private async apply(event: { type: string; data: object }): Promise<void> {
    const metadata = {
      tenantId: TENANT,
      causationId: `cause-${this.position}`,
      commandId: `command-${this.position}`,
      correlationId: 'c',
      actor: { userId: 'u', role: 'ar' },
      schemaVersion: 1,
    };
    await applyToLedger(this.db, TENANT, event as unknown as LeadEvent, { position: this.position, metadata });
  }
}

/** The loads as a sum over every ledger row: what `repLoads` must equal. */
function countedOver(rows: readonly LedgerRow[]): Map<string, RepLoad> {
  const dayStart = new Date(Math.floor(NOW.getTime() / MS_PER_DAY) * MS_PER_DAY).toISOString();
  const windowStart = new Date(NOW.getTime() - PERFORMANCE_WINDOW_DAYS * MS_PER_DAY).toISOString();
  const loads = new Map<string, RepLoad>();
  for (const row of rows) {
    const load = loads.get(row.rep_id) ?? NO_LOAD;
    const recent = row.assigned_at >= windowStart;
    const max = (a: string | null, b: string): string => (a === null || b > a ? b : a);
    loads.set(row.rep_id, {
      openLeads: load.openLeads + (Number(row.open) === 1 ? 1 : 0),
      assignedToday: load.assignedToday + (row.assigned_at >= dayStart ? 1 : 0),
      lastAssignedAt: max(load.lastAssignedAt, row.assigned_at),
      lastAssignedSeq: max(load.lastAssignedSeq, row.assigned_seq),
      recentAssigned: load.recentAssigned + (recent ? 1 : 0),
      recentConverted: load.recentConverted + (recent && row.outcome === 'converted' ? 1 : 0),
    });
  }
  return loads;
}

/** The day counts a fresh fill from the ledger gives. */
function daysOver(rows: readonly LedgerRow[]): string[] {
  const days = new Map<string, { assigned: number; converted: number }>();
  for (const row of rows) {
    const key = `${row.rep_id} ${row.assigned_at.slice(0, 10)}`;
    const day = days.get(key) ?? { assigned: 0, converted: 0 };
    days.set(key, { assigned: day.assigned + 1, converted: day.converted + (row.outcome === 'converted' ? 1 : 0) });
  }
  return [...days].map(([key, day]) => `${key} ${day.assigned} ${day.converted}`).sort();
}

function repLoadSuite(open: () => Promise<TestDb>): void {
  let test: TestDb;
  beforeAll(async () => {
    test = await open();
    await setupDistributionLedger(test.handle.db);
  });
  afterAll(() => test.dispose());

  it('gives the same loads as a count over every ledger row, after any run of decisions, assignments, endings and forgotten decisions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const db = test.handle.db;
        await resetLedger(db);
        await ledgerDb(db).deleteFrom('lead_distribution_decisions').execute();
        const driver = new LedgerDriver(db);
        for (const s of steps) await driver.run(s);

        const rows = (await ledgerDb(db).selectFrom('lead_distribution_ledger').selectAll().execute()) as LedgerRow[];
        const expected = countedOver(rows);
        expect(await repLoads(db, TENANT, NOW)).toEqual(expected);
        const some = await repLoads(db, TENANT, NOW, ['bo', 'nobody']);
        expect(some).toEqual(new Map([...expected].filter(([repId]) => repId === 'bo')));
        for (const repId of REPS) {
          expect(await openLeadsOf(db, TENANT, repId)).toBe(expected.get(repId)?.openLeads ?? 0);
        }
        const days = await repDaysDb(db).selectFrom('lead_rep_days').selectAll().execute();
        expect(days.map((d) => `${d.rep_id} ${d.day} ${Number(d.assigned)} ${Number(d.converted)}`).sort()).toEqual(
          daysOver(rows),
        );
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('fills the day counts from a ledger that predates them, once', async () => {
    const db = test.handle.db;
    await resetLedger(db);
    const driver = new LedgerDriver(db);
    for (const s of [
      { kind: 'claim', lead: 0, rep: 0, age: 0 },
      { kind: 'claim', lead: 1, rep: 0, age: 7 },
      { kind: 'end', lead: 1, ending: 0, age: 0 },
    ] satisfies Step[]) {
      await driver.run(s);
    }
    await repDaysDb(db).deleteFrom('lead_rep_days').execute();
    await repDaysDb(db).deleteFrom('lead_rep_open').execute();
    await setupDistributionLedger(db);
    await setupDistributionLedger(db);
    const rows = (await ledgerDb(db).selectFrom('lead_distribution_ledger').selectAll().execute()) as LedgerRow[];
    expect(await repLoads(db, TENANT, NOW)).toEqual(countedOver(rows));
    expect((await repLoads(db, TENANT, NOW)).get('ana')).toMatchObject({
      openLeads: 1,
      recentAssigned: 2,
      recentConverted: 1,
    });
  });

  it('reads nothing for no candidates', async () => {
    expect(await repLoads(test.handle.db, TENANT, NOW, [])).toEqual(new Map());
  });
}

describe('Rep loads from the distribution ledger › SQLite', () => {
  repLoadSuite(() => sqliteTestDb('rep-loads'));
});

await describeWithPostgres('Rep loads from the distribution ledger › PostgreSQL', (url) => {
  repLoadSuite(() => postgresTestDb(url, 'rep_loads'));
});
