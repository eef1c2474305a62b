import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore, type EventMetadata, type RecordedEvent } from '#ltc/event-store';
import {
  ProjectionRunner,
  openReadModelDb,
  type Projection,
  type ReadModelDb,
  type ReadModelHandle,
} from '#ltc/projections';
import type { RepDeactivated, RepRegistered } from '#ltc/organisation/events';
import { createTestSchema } from '#ltc/testing';
import type { LeadSource } from '../../domain/lead-sources.js';
import type { LeadEvent } from '../../domain/lead.events.js';
import type { AssignmentMethod, DisqualificationReason } from '../../domain/lead-vocabulary.js';
import { salesOrgProjection } from '../../sales-org/sales-org.projection.js';

/**
 * A read-model database for one test, and how to throw it away. It has the leads' sales-org
 * tables (empty), as every engine process sets them up before it serves a read.
 */
export interface TestDb {
  readonly handle: ReadModelHandle;
  dispose(): Promise<void>;
}

export async function sqliteDb(prefix: string): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), `ltc-${prefix}-`));
  const handle = await openReadModelDb({ sqliteFilename: join(dir, 'rm.sqlite') });
  await salesOrgProjection.setup(handle.db);
  return {
    handle,
    async dispose() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function postgresDb(url: string, prefix: string): Promise<TestDb> {
  const schema = await createTestSchema(url, prefix);
  const handle = await openReadModelDb({ url, schema: schema.name, sqliteFilename: 'unused.db' });
  await salesOrgProjection.setup(handle.db);
  return {
    handle,
    async dispose() {
      await handle.close();
      await schema.drop();
    },
  };
}

const meta = (tenantId: string): EventMetadata => ({
  actor: { userId: 'tester', role: 'sales_manager' },
  correlationId: 'corr',
  causationId: 'cause',
  commandId: `cmd-${Math.random().toString(36).slice(2)}`,
  tenantId,
  schemaVersion: 1,
});

/** `09:mm:ss` on 2 March 2026, in the `toISOString()` form the lead decider writes. */
export const at = (time: string): string => `2026-03-02T${time}.000Z`;

/** Writes lead histories straight into an event store, as the lead decider would have. */
export class LeadHistory {
  constructor(readonly store: InMemoryEventStore) {}

  head = 0n;

  async append(tenantId: string, ...events: LeadEvent[]): Promise<void> {
    const first = events[0];
    if (!first) return;
    const result = await this.store.appendToStream(
      `lead-${first.data.leadId}`,
      events.map((event) => ({ type: event.type, data: event.data, metadata: meta(tenantId) })),
    );
    this.head = result.position;
  }

  captured(leadId: string, source: LeadSource, when: string): LeadEvent {
    return {
      type: 'LeadCaptured',
      data: {
        leadId,
        name: leadId,
        company: null,
        contact: { person: null, email: `${leadId}@example.com`, phone: null },
        source,
        region: null,
        complete: true,
        capturedAt: when,
      },
    };
  }

  assigned(
    leadId: string,
    repId: string,
    assignmentNo: number,
    when: string,
    dueAt: string,
    method: AssignmentMethod = 'manual',
  ): LeadEvent {
    return {
      type: 'LeadAssigned',
      data: {
        leadId,
        repId,
        previousRepId: null,
        assignmentNo,
        method,
        policyVersion: null,
        candidates: [],
        reason: 'test',
        responseDueAt: dueAt,
        at: when,
      },
    };
  }

  attempted(
    leadId: string,
    repId: string,
    attemptNo: number,
    when: string,
    secondsSinceAssignment: number | null,
  ): LeadEvent {
    return {
      type: 'LeadContactAttempted',
      data: {
        leadId,
        repId,
        attemptNo,
        channel: 'phone',
        outcome: 'reached',
        note: null,
        secondsSinceAssignment,
        at: when,
      },
    };
  }

  qualified(leadId: string, when: string): LeadEvent {
    return { type: 'LeadQualified', data: { leadId, budget: 'b', authority: 'a', need: 'n', timeline: 't', at: when } };
  }

  disqualified(leadId: string, reasonCode: DisqualificationReason, when: string): LeadEvent {
    return { type: 'LeadDisqualified', data: { leadId, reasonCode, note: null, at: when } };
  }

  converted(leadId: string, when: string): LeadEvent {
    return { type: 'LeadConverted', data: { leadId, dealId: `deal-${leadId}`, repId: null, at: when } };
  }

  pooled(leadId: string, when: string): LeadEvent {
    return {
      type: 'LeadPooled',
      data: { leadId, method: 'cherry_pick', policyVersion: null, notifiedRepIds: [], reason: 'test', at: when },
    };
  }
}

/** A runner over one projection with small batches, so batches split lead histories. */
export function runnerFor(store: InMemoryEventStore, db: ReadModelDb, projection: Projection): ProjectionRunner {
  return new ProjectionRunner({ store, db, projections: [projection], batchSize: 3 });
}

/**
 * Resets the projection's rows and folds every stored event with `apply`, one event per
 * transaction: the rows must equal what the batched runner wrote.
 */
export async function replayOneByOne(
  store: InMemoryEventStore,
  db: ReadModelDb,
  projection: Projection,
): Promise<void> {
  await db.transaction().execute((trx) => projection.reset(trx));
  for (const event of await store.readAll(projection.filter ? { filter: projection.filter } : {})) {
    await db.transaction().execute((trx) => projection.apply(trx, event));
  }
}

/**
 * Registers reps (and deactivates those marked inactive) the way the organisation's
 * published events reach the leads context: through its own sales-org projection.
 */
export async function registerReps(
  db: ReadModelDb,
  reps: readonly { tenantId: string; repId: string; teamId: string | null; maxOpenLeads: number; active?: boolean }[],
): Promise<void> {
  const recorded = reps.flatMap((rep) => {
    const registered: RepRegistered = {
      type: 'RepRegistered',
      data: {
        repId: rep.repId,
        name: rep.repId,
        email: `${rep.repId}@example.com`,
        roles: ['ar'],
        teamId: rep.teamId,
        territories: { regions: [], languages: [], industries: [], dealSizeBands: [] },
        capacity: { maxOpenLeads: rep.maxOpenLeads, dailyQuota: 0 },
        registeredAt: at('08:00:00'),
      },
    };
    const deactivated: RepDeactivated = {
      type: 'RepDeactivated',
      data: { repId: rep.repId, reason: null, deactivatedAt: at('08:30:00') },
    };
    const events = rep.active === false ? [registered, deactivated] : [registered];
    return events.map((event, revision): RecordedEvent => ({
      ...event,
      id: `${rep.tenantId}:${rep.repId}:${revision}`,
      stream: `rep-${rep.tenantId}:${rep.repId}`,
      revision: BigInt(revision),
      position: 0n,
      metadata: meta(rep.tenantId),
      recordedAt: new Date(at('08:00:00')),
    }));
  });
  await db.transaction().execute(async (trx) => {
    for (const event of recorded) await salesOrgProjection.apply(trx, event);
  });
}
