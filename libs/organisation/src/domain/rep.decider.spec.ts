import type { DomainError } from '#ltc/kernel';
import type { RegisterRep, RepCommand } from './rep.commands.js';
import type { RepEvent, RepRegistered } from './rep.events.js';
import { repDecider } from './rep.decider.js';

const given = (events: RepEvent[]) => events.reduce(repDecider.evolve, repDecider.initialState());
const now = new Date('2026-03-02T09:00:00Z');
const at = now.toISOString();
const failsWith = (code: string) => expect.objectContaining({ code }) as DomainError;

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

const decide = (command: RepCommand, history: RepEvent[]) => repDecider.decide(command, given(history));

describe('Rep › register', () => {
  it('given no rep, when registered, then RepRegistered with tidy roles, email and territories', () => {
    expect(decide(register, [])).toEqual([{ ...registered, data: { ...registered.data, registeredAt: at } }]);
  });

  it('given no rep, when registered in no team, then the team is not looked up', () => {
    const [event] = decide({ ...register, teamId: null, teamExists: false }, []);
    expect(event).toMatchObject({ type: 'RepRegistered', data: { teamId: null } });
  });

  it('given no rep, when registered into a team that does not exist, then TEAM_NOT_FOUND', () => {
    expect(() => decide({ ...register, teamExists: false }, [])).toThrow(failsWith('TEAM_NOT_FOUND'));
  });

  it('given a registered rep, when registered again, then REP_ALREADY_EXISTS', () => {
    expect(() => decide(register, [registered])).toThrow(failsWith('REP_ALREADY_EXISTS'));
  });

  it('given a deactivated rep, when registered again, then REP_ALREADY_EXISTS', () => {
    expect(() => decide(register, [registered, deactivated])).toThrow(failsWith('REP_ALREADY_EXISTS'));
  });

  it('given no rep, when registered without a role, then 400 on roles', () => {
    expect(() => decide({ ...register, roles: [] }, [])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'roles' }) as Error,
    );
  });

  it('given no rep, when registered with a capacity out of range, then 400 on that field', () => {
    expect(() => decide({ ...register, capacity: { maxOpenLeads: 0, dailyQuota: 0 } }, [])).toThrow(
      expect.objectContaining({ field: 'maxOpenLeads', rule: 'range' }) as Error,
    );
  });
});

describe('Rep › change profile', () => {
  const change = (changes: Extract<RepCommand, { type: 'ChangeRepProfile' }>['changes'], teamExists = true) =>
    ({ type: 'ChangeRepProfile', repId: 'ingrid', changes, teamExists, now }) as const;

  it('given a rep, when name and a territory list change, then RepProfileChanged with the whole profile', () => {
    expect(
      decide(change({ name: 'Ingrid Lund-Berg', territories: { industries: ['Logistics'] } }), [registered]),
    ).toEqual([
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
    expect(decide(same, [registered])).toEqual([]);
  });

  it('given a rep, when moved into a team that does not exist, then TEAM_NOT_FOUND', () => {
    expect(() => decide(change({ teamId: 'nowhere' }, false), [registered])).toThrow(failsWith('TEAM_NOT_FOUND'));
  });

  it('given a rep, when taken out of their team, then teamId becomes null', () => {
    const [event] = decide(change({ teamId: null }, false), [registered]);
    expect(event).toMatchObject({ data: { teamId: null, changed: ['teamId'] } });
  });

  it('given no rep, when changed, then REP_NOT_FOUND', () => {
    expect(() => decide(change({ name: 'X' }), [])).toThrow(failsWith('REP_NOT_FOUND'));
  });

  it('given a deactivated rep, when changed, then REP_DEACTIVATED', () => {
    expect(() => decide(change({ name: 'X' }), [registered, deactivated])).toThrow(failsWith('REP_DEACTIVATED'));
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
    expect(decide(capacity(40, 0), [registered])).toEqual([
      {
        type: 'RepCapacityChanged',
        data: { repId: 'ingrid', capacity: { maxOpenLeads: 40, dailyQuota: 0 }, changedAt: at },
      },
    ]);
  });

  it('given a rep, when the same capacity is set, then no event', () => {
    expect(decide(capacity(30, 5), [registered])).toEqual([]);
  });

  it('given a rep, when the daily quota is out of range, then 400 on dailyQuota', () => {
    expect(() => decide(capacity(30, 10_001), [registered])).toThrow(
      expect.objectContaining({ field: 'dailyQuota' }) as Error,
    );
  });

  it('given no rep, when capacity is set, then REP_NOT_FOUND', () => {
    expect(() => decide(capacity(40, 0), [])).toThrow(failsWith('REP_NOT_FOUND'));
  });

  it('given a deactivated rep, when capacity is set, then REP_DEACTIVATED', () => {
    expect(() => decide(capacity(40, 0), [registered, deactivated])).toThrow(failsWith('REP_DEACTIVATED'));
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
    expect(decide(away(until), [registered])).toEqual([wentAway]);
  });

  it('given an away rep, when back, then RepAvailabilityChanged to active', () => {
    expect(decide(back, [registered, wentAway])).toEqual([
      { type: 'RepAvailabilityChanged', data: { repId: 'ingrid', availability: { status: 'active' }, changedAt: at } },
    ]);
  });

  it('given an away rep, when away until another time, then the new time is recorded', () => {
    expect(decide(away(null), [registered, wentAway])).toMatchObject([
      { data: { availability: { status: 'away', until: null } } },
    ]);
  });

  it('given an active rep, when set active, then no event', () => {
    expect(decide(back, [registered])).toEqual([]);
  });

  it('given an away rep, when away until the same time, then no event', () => {
    expect(decide(away(until), [registered, wentAway])).toEqual([]);
  });

  it('given a rep, when away until a time already past, then 400 on until', () => {
    expect(() => decide(away(new Date('2026-03-01T00:00:00Z')), [registered])).toThrow(
      expect.objectContaining({ field: 'until', rule: 'future' }) as Error,
    );
  });

  it('given no rep, when availability is set, then REP_NOT_FOUND', () => {
    expect(() => decide(back, [])).toThrow(failsWith('REP_NOT_FOUND'));
  });

  it('given a deactivated rep, when availability is set, then REP_DEACTIVATED', () => {
    expect(() => decide(away(until), [registered, deactivated])).toThrow(failsWith('REP_DEACTIVATED'));
  });
});

describe('Rep › deactivate and reactivate', () => {
  const deactivate: RepCommand = { type: 'DeactivateRep', repId: 'ingrid', reason: 'parental leave', now };
  const reactivate: RepCommand = { type: 'ReactivateRep', repId: 'ingrid', now };

  it('given an active rep, when deactivated, then RepDeactivated with the reason', () => {
    expect(decide(deactivate, [registered])).toEqual([
      { type: 'RepDeactivated', data: { repId: 'ingrid', reason: 'parental leave', deactivatedAt: at } },
    ]);
  });

  it('given a deactivated rep, when deactivated again, then no event', () => {
    expect(decide(deactivate, [registered, deactivated])).toEqual([]);
  });

  it('given a deactivated rep, when reactivated, then RepReactivated and changes are allowed again', () => {
    const events = decide(reactivate, [registered, deactivated]);
    expect(events).toEqual([{ type: 'RepReactivated', data: { repId: 'ingrid', reactivatedAt: at } }]);
    const state = given([registered, deactivated, ...events]);
    expect(state).toMatchObject({ status: 'active', capacity: { maxOpenLeads: 30, dailyQuota: 5 } });
  });

  it('given an active rep, when reactivated, then no event', () => {
    expect(decide(reactivate, [registered])).toEqual([]);
  });

  it('given no rep, when deactivated or reactivated, then REP_NOT_FOUND', () => {
    expect(() => decide(deactivate, [])).toThrow(failsWith('REP_NOT_FOUND'));
    expect(() => decide(reactivate, [])).toThrow(failsWith('REP_NOT_FOUND'));
  });
});
