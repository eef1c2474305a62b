import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '#ltc/event-store';
import { openReadModelDb, type Projection, type ReadModelHandle } from '#ltc/projections';
import { createTestSchema, describeWithPostgres } from '#ltc/testing';
import type { RepEvent } from '../src/domain/rep.events.js';
import type { TeamEvent } from '../src/domain/team.events.js';
import { orgRepsProjection } from '../src/read-models/org-reps.projection.js';
import { orgTeamsProjection } from '../src/read-models/org-teams.projection.js';
import { findRep, listReps, listRoutableReps } from '../src/read-models/rep.queries.js';
import { findTeam, listTeams } from '../src/read-models/team.queries.js';

const now = new Date('2026-03-02T09:00:00.000Z');
const anyTerritory = { regions: [], languages: [], industries: [], dealSizeBands: [] };

let position = 0n;
const revisions = new Map<string, bigint>();

/** Wraps a decided event the way the store would record it. */
function recorded(stream: string, event: RepEvent | TeamEvent, tenantId = 'acme'): RecordedEvent {
  const revision = (revisions.get(stream) ?? -1n) + 1n;
  revisions.set(stream, revision);
  position += 1n;
  return {
    id: `e${position.toString()}`,
    stream,
    revision,
    position,
    type: event.type,
    data: event.data,
    metadata: {
      actor: { userId: 'manager-1', role: 'sales_manager' },
      correlationId: 'c',
      causationId: 'c',
      commandId: 'cmd',
      tenantId,
      schemaVersion: 1,
    },
    recordedAt: now,
  };
}

function registered(repId: string, teamId: string | null, roles: ('ar' | 'sr' | 'fr')[]): RepEvent {
  return {
    type: 'RepRegistered',
    data: {
      repId,
      name: `Rep ${repId}`,
      email: `${repId}@example.test`,
      roles,
      teamId,
      territories: anyTerritory,
      capacity: { maxOpenLeads: 20, dailyQuota: 4 },
      registeredAt: '2026-03-01T08:00:00.000Z',
    },
  };
}

function describeOrgReadModels(open: () => Promise<{ handle: ReadModelHandle; cleanup(): Promise<void> }>): void {
  let handle: ReadModelHandle;
  let cleanup: () => Promise<void>;

  const apply = async (projection: Projection, ...events: RecordedEvent[]) => {
    await handle.db.transaction().execute(async (trx) => {
      for (const event of events) await projection.apply(trx, event);
    });
  };

  beforeAll(async () => {
    revisions.clear();
    ({ handle, cleanup } = await open());
    await orgRepsProjection.setup(handle.db);
    await orgTeamsProjection.setup(handle.db);
    // Running setup twice must be harmless: an API-only process and the worker both call it.
    await orgRepsProjection.setup(handle.db);
    await orgTeamsProjection.setup(handle.db);

    await apply(
      orgRepsProjection,
      recorded('rep-acme:ana', registered('ana', 'north', ['ar'])),
      recorded('rep-acme:bo', registered('bo', 'north', ['ar', 'sr'])),
      recorded('rep-acme:cai', registered('cai', 'south', ['fr'])),
      recorded('rep-acme:dag', registered('dag', 'north', ['ar'])),
      recorded('rep-acme:eli', registered('eli', null, ['sr'])),
      recorded('rep-globex:ana', registered('ana', 'north', ['ar']), 'globex'),
      recorded('rep-acme:bo', {
        type: 'RepAvailabilityChanged',
        data: { repId: 'bo', availability: { status: 'away', until: '2026-03-09T07:00:00.000Z' }, changedAt: '' },
      }),
      recorded('rep-acme:dag', {
        type: 'RepAvailabilityChanged',
        data: { repId: 'dag', availability: { status: 'away', until: '2026-03-02T08:00:00.000Z' }, changedAt: '' },
      }),
      recorded('rep-acme:cai', {
        type: 'RepDeactivated',
        data: { repId: 'cai', reason: 'left', deactivatedAt: '2026-03-01T10:00:00.000Z' },
      }),
    );
  });
  afterAll(async () => cleanup());

  it('lists routable reps: active, and not away (or away with the time passed), in rep-id order', async () => {
    const reps = await listRoutableReps(handle.db, 'acme', { at: now });
    expect(reps.map((r) => r.repId)).toEqual(['ana', 'dag', 'eli']);
    expect(reps[0]).toEqual({
      repId: 'ana',
      name: 'Rep ana',
      teamId: 'north',
      roles: ['ar'],
      territories: anyTerritory,
      capacity: { maxOpenLeads: 20, dailyQuota: 4 },
    });
  });

  it('narrows routable reps to a team and a role, within the tenant', async () => {
    expect((await listRoutableReps(handle.db, 'acme', { teamId: 'north', at: now })).map((r) => r.repId)).toEqual([
      'ana',
      'dag',
    ]);
    expect((await listRoutableReps(handle.db, 'acme', { role: 'sr', at: now })).map((r) => r.repId)).toEqual(['eli']);
    expect((await listRoutableReps(handle.db, 'globex', { at: now })).map((r) => r.repId)).toEqual(['ana']);
  });

  it('counts an away rep as routable once the away time has passed', async () => {
    const later = new Date('2026-03-10T00:00:00.000Z');
    expect((await listRoutableReps(handle.db, 'acme', { teamId: 'north', at: later })).map((r) => r.repId)).toEqual([
      'ana',
      'bo',
      'dag',
    ]);
  });

  it('filters and pages the rep list', async () => {
    const page = (filter: Partial<Parameters<typeof listReps>[2]>) =>
      listReps(handle.db, 'acme', { limit: 50, offset: 0, at: now, ...filter });
    const ids = async (filter: Partial<Parameters<typeof listReps>[2]>) => (await page(filter)).items.map((r) => r.id);
    expect(await ids({})).toEqual(['ana', 'bo', 'cai', 'dag', 'eli']);
    expect(await ids({ teamId: 'north', role: 'sr' })).toEqual(['bo']);
    expect(await ids({ availability: 'away' })).toEqual(['bo']);
    expect(await ids({ availability: 'active', active: true })).toEqual(['ana', 'dag', 'eli']);
    expect(await ids({ active: false })).toEqual(['cai']);
    const second = await page({ limit: 2, offset: 2 });
    expect(second.items.map((r) => r.id)).toEqual(['cai', 'dag']);
    expect(second.total).toBe(5);
  });

  it('keeps every field of a rep current through profile and capacity changes', async () => {
    await apply(
      orgRepsProjection,
      recorded('rep-acme:eli', {
        type: 'RepProfileChanged',
        data: {
          repId: 'eli',
          name: 'Eli Berg',
          email: 'eli@example.test',
          roles: ['ar', 'sr'],
          teamId: 'south',
          territories: { regions: ['EMEA'], languages: ['sv'], industries: [], dealSizeBands: ['large'] },
          changed: ['name', 'roles', 'teamId', 'territories'],
          changedAt: '2026-03-02T08:30:00.000Z',
        },
      }),
      recorded('rep-acme:eli', {
        type: 'RepCapacityChanged',
        data: { repId: 'eli', capacity: { maxOpenLeads: 99, dailyQuota: 0 }, changedAt: '2026-03-02T08:40:00.000Z' },
      }),
    );
    expect(await findRep(handle.db, 'acme', 'eli', now)).toEqual({
      id: 'eli',
      name: 'Eli Berg',
      email: 'eli@example.test',
      roles: ['ar', 'sr'],
      team: 'south',
      territories: { regions: ['EMEA'], languages: ['sv'], industries: [], dealSizeBands: ['large'] },
      capacity: { maxOpenLeads: 99, dailyQuota: 0 },
      availability: { status: 'active', until: null, availableNow: true },
      active: true,
      registeredAt: '2026-03-01T08:00:00.000Z',
      updatedAt: '2026-03-02T08:40:00.000Z',
      revision: 2,
    });
  });

  it('shows a reactivated rep as active again', async () => {
    await apply(
      orgRepsProjection,
      recorded('rep-acme:cai', {
        type: 'RepReactivated',
        data: { repId: 'cai', reactivatedAt: '2026-03-02T08:00:00Z' },
      }),
    );
    expect((await findRep(handle.db, 'acme', 'cai', now)).active).toBe(true);
  });

  it('answers an unknown rep, or another tenant’s, with REP_NOT_FOUND', async () => {
    await expect(findRep(handle.db, 'acme', 'nobody', now)).rejects.toMatchObject({ code: 'REP_NOT_FOUND' });
    await expect(findRep(handle.db, 'initech', 'ana', now)).rejects.toMatchObject({ code: 'REP_NOT_FOUND' });
  });

  it('keeps teams current through renames and manager changes', async () => {
    const stream = 'team-acme:north';
    await apply(
      orgTeamsProjection,
      recorded(stream, {
        type: 'TeamCreated',
        data: { teamId: 'north', name: 'North', managerId: 'astrid', createdAt: '2026-03-01T08:00:00.000Z' },
      }),
      recorded(stream, {
        type: 'TeamRenamed',
        data: { teamId: 'north', name: 'Nordics', previousName: 'North', renamedAt: '2026-03-01T09:00:00.000Z' },
      }),
      recorded(stream, {
        type: 'TeamManagerChanged',
        data: { teamId: 'north', managerId: 'bo', previousManagerId: 'astrid', changedAt: '2026-03-01T10:00:00.000Z' },
      }),
    );
    expect(await findTeam(handle.db, 'acme', 'north')).toEqual({
      id: 'north',
      name: 'Nordics',
      managerId: 'bo',
      createdAt: '2026-03-01T08:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
      revision: 2,
    });
    expect((await listTeams(handle.db, 'acme', { limit: 10, offset: 0 })).total).toBe(1);
    expect((await listTeams(handle.db, 'globex', { limit: 10, offset: 0 })).total).toBe(0);
    await expect(findTeam(handle.db, 'globex', 'north')).rejects.toMatchObject({ code: 'TEAM_NOT_FOUND' });
  });

  it('empties both tables on reset, for a rebuild', async () => {
    await handle.db.transaction().execute(async (trx) => {
      await orgRepsProjection.reset(trx);
      await orgTeamsProjection.reset(trx);
    });
    expect((await listReps(handle.db, 'acme', { limit: 50, offset: 0, at: now })).total).toBe(0);
    expect((await listTeams(handle.db, 'acme', { limit: 50, offset: 0 })).total).toBe(0);
  });
}

describe('Organisation read models on SQLite', () => {
  describeOrgReadModels(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltc-org-'));
    const handle = await openReadModelDb({ sqliteFilename: join(dir, 'read-models.sqlite') });
    return {
      handle,
      async cleanup() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});

await describeWithPostgres('Organisation read models on PostgreSQL', (url) => {
  describeOrgReadModels(async () => {
    const schema = await createTestSchema(url, 'org');
    const handle = await openReadModelDb({ url, schema: schema.name, sqliteFilename: 'unused.db' });
    return {
      handle,
      async cleanup() {
        await handle.close();
        await schema.drop();
      },
    };
  });
});
