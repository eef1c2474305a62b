import { InMemoryEventStore } from '#ltc/event-store';
import { CheckpointStore, openReadModelDb, type ReadModelHandle } from '#ltc/projections';
import type { RepEvent } from './domain/rep.events.js';
import type { TeamEvent } from './domain/team.events.js';
import { repStream, teamStream } from './org-streams.js';
import { peopleDirectory } from './people-directory.js';
import { orgTeamsProjection } from './read-models/org-teams.projection.js';

const at = '2026-03-01T08:00:00.000Z';

async function append(store: InMemoryEventStore, tenantId: string, stream: string, event: RepEvent | TeamEvent) {
  const metadata = {
    actor: { userId: 'maria', role: 'sales_manager' },
    correlationId: 'corr',
    causationId: 'cause',
    commandId: `cmd-${Math.random()}`,
    tenantId,
    schemaVersion: 1,
  };
  await store.appendToStream(stream, [{ type: event.type, data: event.data, metadata }]);
}

const registered = (repId: string, roles: ('ar' | 'sr' | 'fr')[], teamId: string | null): RepEvent => ({
  type: 'RepRegistered',
  data: {
    repId,
    name: repId,
    email: `${repId}@nordfrakt.example`,
    roles,
    teamId,
    territories: { regions: [], languages: [], industries: [], dealSizeBands: [] },
    capacity: { maxOpenLeads: 50, dailyQuota: 0 },
    registeredAt: at,
  },
});

async function readModels(): Promise<ReadModelHandle> {
  const handle = await openReadModelDb({ sqliteFilename: ':memory:' });
  await new CheckpointStore().setup(handle.db);
  await orgTeamsProjection.setup(handle.db);
  return handle;
}

describe('People directory (from the rep and team streams)', () => {
  const store = new InMemoryEventStore();
  let handle: ReadModelHandle;
  let directory: ReturnType<typeof peopleDirectory>;

  beforeAll(async () => {
    const team: TeamEvent = {
      type: 'TeamCreated',
      data: { teamId: 'emea-north', name: 'EMEA North', managerId: 'maria', createdAt: at },
    };
    await append(store, 'acme', teamStream('acme', 'emea-north'), team);
    await append(store, 'acme', teamStream('acme', 'emea-south'), {
      type: 'TeamCreated',
      data: { teamId: 'emea-south', name: 'EMEA South', managerId: 'sara', createdAt: at },
    });
    // org_teams has folded both teams; the change of north's manager is only in the log so far.
    handle = await readModels();
    const projected = await store.readAll();
    await handle.db.transaction().execute(async (trx) => {
      for (const event of projected) await orgTeamsProjection.apply(trx, event);
    });
    await new CheckpointStore().save(
      handle.db,
      orgTeamsProjection.name,
      orgTeamsProjection.version,
      projected.at(-1)!.position,
    );
    directory = peopleDirectory({ store, db: handle.db });
    await append(store, 'acme', teamStream('acme', 'emea-north'), {
      type: 'TeamManagerChanged',
      data: { teamId: 'emea-north', managerId: 'magnus', previousManagerId: 'maria', changedAt: at },
    });
    await append(store, 'acme', repStream('acme', 'ingrid'), registered('ingrid', ['ar', 'sr'], 'emea-north'));
    await append(store, 'acme', repStream('acme', 'solo'), registered('solo', ['fr'], null));
    await append(store, 'acme', repStream('acme', 'leif'), registered('leif', ['ar'], 'emea-north'));
    await append(store, 'acme', repStream('acme', 'leif'), {
      type: 'RepDeactivated',
      data: { repId: 'leif', reason: 'left', deactivatedAt: at },
    });
    await append(store, 'globex', repStream('globex', 'gus'), registered('gus', ['ar'], null));
  });

  it("knows a rep's roles and their team's current manager as their sales manager", async () => {
    const found = await directory.lookup('acme', ['ingrid', 'solo']);
    expect(found.get('ingrid')).toEqual({ roles: ['ar', 'sr'], salesManager: 'magnus' });
    expect(found.get('solo')).toEqual({ roles: ['fr'], salesManager: null });
  });

  afterAll(async () => handle.close());

  it('gives a deactivated rep no roles, and someone who only manages a team no roles either', async () => {
    const found = await directory.lookup('acme', ['leif', 'magnus', 'sara']);
    expect(found.get('leif')).toEqual({ roles: [], salesManager: 'magnus' });
    // magnus from the log after the read model's checkpoint, sara from the read model's rows.
    expect(found.get('magnus')).toEqual({ roles: [], salesManager: null });
    expect(found.get('sara')).toEqual({ roles: [], salesManager: null });
  });

  it('reads every team event of the tenant while the team list has no checkpoint (a first start)', async () => {
    const fresh = await readModels();
    const found = await peopleDirectory({ store, db: fresh.db }).lookup('acme', ['magnus', 'maria', 'sara']);
    expect([...found.keys()].sort()).toEqual(['magnus', 'sara']);
    await fresh.close();
  });

  it("leaves out people it does not know, a former manager, and another tenant's reps", async () => {
    const found = await directory.lookup('acme', ['nobody', 'maria', 'gus']);
    expect([...found.keys()]).toEqual([]);
    expect([...(await directory.lookup('globex', ['gus', 'ingrid'])).keys()]).toEqual(['gus']);
  });
});
