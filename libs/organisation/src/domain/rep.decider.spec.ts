import { deciderSpec } from '#ltc/testing/decider-spec';
import type { RegisterRep, RepCommand } from './rep.commands.js';
import type { RepEvent, RepRegistered } from './rep.events.js';
import { repDecider } from './rep.decider.js';

const { given } = deciderSpec(repDecider);
const now = new Date('2026-03-02T09:00:00Z');
const at = now.toISOString();

const register: RegisterRep = {
  type: 'RegisterRep',
  repId: 'ingrid',
  name: ' Ingrid Lund ',
  email: 'Ingrid@Nordfrakt.example',
  roles: ['sr', 'ar', 'sr'],
  teamId: 'emea-north',
  teamExists: true,
  territories: { regions: ['Nordics', 'EMEA', 'Nordics'], languages: ['sv'], industries: [], dealSizeBands: ['large'] },
  capacity: { maxOpenLeads: 30, dailyQuota: 5 },
  now,
};

const registered: RepRegistered = {
  type: 'RepRegistered',
  data: {
    repId: 'ingrid',
    name: 'Ingrid Lund',
    email: 'ingrid@nordfrakt.example',
    roles: ['ar', 'sr'],
    teamId: 'emea-north',
    territories: { regions: ['EMEA', 'Nordics'], languages: ['sv'], industries: [], dealSizeBands: ['large'] },
    capacity: { maxOpenLeads: 30, dailyQuota: 5 },
    registeredAt: '2026-03-01T08:00:00.000Z',
  },
};

const deactivated: RepEvent = {
  type: 'RepDeactivated',
  data: { repId: 'ingrid', reason: 'left', deactivatedAt: '2026-03-01T12:00:00.000Z' },
};

describe('Rep › register', () => {
  it('given no rep, when registered, then RepRegistered with tidy roles, email and territories', () => {
    given([])
      .when(register)
      .thenEmits([{ ...registered, data: { ...registered.data, registeredAt: at } }]);
  });

  it('given no rep, when registered in no team, then the team is not looked up', () => {
    const [event] = given([]).when({ ...register, teamId: null, teamExists: false }).events;
    expect(event).toMatchObject({ type: 'RepRegistered', data: { teamId: null } });
  });

  it('given no rep, when registered into a team that does not exist, then TEAM_NOT_FOUND', () => {
    given([])
      .when({ ...register, teamExists: false })
      .thenFails('TEAM_NOT_FOUND');
  });

  it('given a registered rep, when registered again, then REP_ALREADY_EXISTS', () => {
    given([registered]).when(register).thenFails('REP_ALREADY_EXISTS');
  });

  it('given a deactivated rep, when registered again, then REP_ALREADY_EXISTS', () => {
    given([registered, deactivated]).when(register).thenFails('REP_ALREADY_EXISTS');
  });

  it('given no rep, when registered without a role, then 400 on roles', () => {
    given([])
      .when({ ...register, roles: [] })
      .thenFails({ code: 'VALIDATION_FAILED', field: 'roles' });
  });

  it('given no rep, when registered with a capacity out of range, then 400 on that field', () => {
    given([])
      .when({ ...register, capacity: { maxOpenLeads: 0, dailyQuota: 0 } })
      .thenFails({ field: 'maxOpenLeads', rule: 'range' });
  });
});

describe('Rep › change profile', () => {
  const change = (changes: Extract<RepCommand, { type: 'ChangeRepProfile' }>['changes'], teamExists = true) =>
    ({ type: 'ChangeRepProfile', repId: 'ingrid', changes, teamExists, now }) as const;

  it('given a rep, when name and a territory list change, then RepProfileChanged with the whole profile', () => {
    given([registered])
      .when(change({ name: 'Ingrid Lund-Berg', territories: { industries: ['Logistics'] } }))
      .thenEmits([
        {
          type: 'RepProfileChanged',
          data: {
            repId: 'ingrid',
            name: 'Ingrid Lund-Berg',
            email: 'ingrid@nordfrakt.example',
            roles: ['ar', 'sr'],
            teamId: 'emea-north',
            territories: {
              regions: ['EMEA', 'Nordics'],
              languages: ['sv'],
              industries: ['Logistics'],
              dealSizeBands: ['large'],
            },
            changed: ['name', 'territories'],
            changedAt: at,
          },
        },
      ]);
  });

  it('given a rep, when the same values come in another order or case, then no event', () => {
    const same = change({
      email: 'INGRID@nordfrakt.example',
      roles: ['sr', 'ar'],
      teamId: 'emea-north',
      territories: { regions: ['Nordics', 'EMEA'] },
    });
    given([registered]).when(same).thenNothing();
  });

  it('given a rep, when moved into a team that does not exist, then TEAM_NOT_FOUND', () => {
    given([registered])
      .when(change({ teamId: 'nowhere' }, false))
      .thenFails('TEAM_NOT_FOUND');
  });

  it('given a rep, when taken out of their team, then teamId becomes null', () => {
    const [event] = given([registered]).when(change({ teamId: null }, false)).events;
    expect(event).toMatchObject({ data: { teamId: null, changed: ['teamId'] } });
  });

  it('given no rep, when changed, then REP_NOT_FOUND', () => {
    given([])
      .when(change({ name: 'X' }))
      .thenFails('REP_NOT_FOUND');
  });

  it('given a deactivated rep, when changed, then REP_DEACTIVATED', () => {
    given([registered, deactivated])
      .when(change({ name: 'X' }))
      .thenFails('REP_DEACTIVATED');
  });
});

describe('Rep › change capacity', () => {
  const capacity = (maxOpenLeads: number, dailyQuota: number): RepCommand => ({
    type: 'ChangeRepCapacity',
    repId: 'ingrid',
    capacity: { maxOpenLeads, dailyQuota },
    now,
  });

  it('given a rep, when capacity changes, then RepCapacityChanged', () => {
    given([registered])
      .when(capacity(40, 0))
      .thenEmits([
        {
          type: 'RepCapacityChanged',
          data: { repId: 'ingrid', capacity: { maxOpenLeads: 40, dailyQuota: 0 }, changedAt: at },
        },
      ]);
  });

  it('given a rep, when the same capacity is set, then no event', () => {
    given([registered]).when(capacity(30, 5)).thenNothing();
  });

  it('given a rep, when the daily quota is out of range, then 400 on dailyQuota', () => {
    given([registered]).when(capacity(30, 10_001)).thenFails({ field: 'dailyQuota' });
  });

  it('given no rep, when capacity is set, then REP_NOT_FOUND', () => {
    given([]).when(capacity(40, 0)).thenFails('REP_NOT_FOUND');
  });

  it('given a deactivated rep, when capacity is set, then REP_DEACTIVATED', () => {
    given([registered, deactivated]).when(capacity(40, 0)).thenFails('REP_DEACTIVATED');
  });
});

describe('Rep › change availability', () => {
  const until = new Date('2026-03-09T07:00:00Z');
  const away = (when: Date | null): RepCommand => ({
    type: 'ChangeRepAvailability',
    repId: 'ingrid',
    availability: { status: 'away', until: when },
    now,
  });
  const back: RepCommand = { type: 'ChangeRepAvailability', repId: 'ingrid', availability: { status: 'active' }, now };
  const wentAway: RepEvent = {
    type: 'RepAvailabilityChanged',
    data: { repId: 'ingrid', availability: { status: 'away', until: until.toISOString() }, changedAt: at },
  };

  it('given an active rep, when away until a later time, then RepAvailabilityChanged', () => {
    given([registered]).when(away(until)).thenEmits([wentAway]);
  });

  it('given an away rep, when back, then RepAvailabilityChanged to active', () => {
    given([registered, wentAway])
      .when(back)
      .thenEmits([
        {
          type: 'RepAvailabilityChanged',
          data: { repId: 'ingrid', availability: { status: 'active' }, changedAt: at },
        },
      ]);
  });

  it('given an away rep, when away until another time, then the new time is recorded', () => {
    expect(given([registered, wentAway]).when(away(null)).events).toMatchObject([
      { data: { availability: { status: 'away', until: null } } },
    ]);
  });

  it('given an active rep, when set active, then no event', () => {
    given([registered]).when(back).thenNothing();
  });

  it('given an away rep, when away until the same time, then no event', () => {
    given([registered, wentAway]).when(away(until)).thenNothing();
  });

  it('given a rep, when away until a time already past, then 400 on until', () => {
    given([registered])
      .when(away(new Date('2026-03-01T00:00:00Z')))
      .thenFails({ field: 'until', rule: 'future' });
  });

  it('given no rep, when availability is set, then REP_NOT_FOUND', () => {
    given([]).when(back).thenFails('REP_NOT_FOUND');
  });

  it('given a deactivated rep, when availability is set, then REP_DEACTIVATED', () => {
    given([registered, deactivated]).when(away(until)).thenFails('REP_DEACTIVATED');
  });
});

describe('Rep › deactivate and reactivate', () => {
  const deactivate: RepCommand = { type: 'DeactivateRep', repId: 'ingrid', reason: 'parental leave', now };
  const reactivate: RepCommand = { type: 'ReactivateRep', repId: 'ingrid', now };

  it('given an active rep, when deactivated, then RepDeactivated with the reason', () => {
    given([registered])
      .when(deactivate)
      .thenEmits([{ type: 'RepDeactivated', data: { repId: 'ingrid', reason: 'parental leave', deactivatedAt: at } }]);
  });

  it('given a deactivated rep, when deactivated again, then no event', () => {
    given([registered, deactivated]).when(deactivate).thenNothing();
  });

  it('given a deactivated rep, when reactivated, then RepReactivated and changes are allowed again', () => {
    const reactivated = given([registered, deactivated]).when(reactivate);
    reactivated.thenEmits([{ type: 'RepReactivated', data: { repId: 'ingrid', reactivatedAt: at } }]);
    const state = given(reactivated.history).state;
    expect(state).toMatchObject({ status: 'active', capacity: { maxOpenLeads: 30, dailyQuota: 5 } });
  });

  it('given an active rep, when reactivated, then no event', () => {
    given([registered]).when(reactivate).thenNothing();
  });

  it('given no rep, when deactivated or reactivated, then REP_NOT_FOUND', () => {
    given([]).when(deactivate).thenFails('REP_NOT_FOUND');
    given([]).when(reactivate).thenFails('REP_NOT_FOUND');
  });
});
