import { InMemoryEventStore } from '#ltc/event-store';
import type { RepEvent } from './domain/rep.events.js';
import type { TeamEvent } from './domain/team.events.js';
import { repStream, teamStream } from './org-streams.js';
import { peopleDirectory } from './people-directory.js';

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

describe('People directory (from the rep and team streams)', () => {
  const store = new InMemoryEventStore();
  const directory = peopleDirectory(store);

  beforeAll(async () => {
    const team: TeamEvent = {
      type: 'TeamCreated',
      data: { teamId: 'emea-north', name: 'EMEA North', managerId: 'maria', createdAt: at },
    };
    await append(store, 'acme', teamStream('acme', 'emea-north'), team);
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

  it('gives a deactivated rep no roles, and someone who only manages a team no roles either', async () => {
    const found = await directory.lookup('acme', ['leif', 'magnus']);
    expect(found.get('leif')).toEqual({ roles: [], salesManager: 'magnus' });
    expect(found.get('magnus')).toEqual({ roles: [], salesManager: null });
  });

  it("leaves out people it does not know, a former manager, and another tenant's reps", async () => {
    const found = await directory.lookup('acme', ['nobody', 'maria', 'gus']);
    expect([...found.keys()]).toEqual([]);
    expect([...(await directory.lookup('globex', ['gus', 'ingrid'])).keys()]).toEqual(['gus']);
  });
});
