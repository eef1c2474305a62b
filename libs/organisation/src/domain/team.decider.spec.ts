import type { DomainError } from '#ltc/kernel';
import type { TeamCommand } from './team.commands.js';
import type { TeamEvent } from './team.events.js';
import { teamDecider } from './team.decider.js';

const given = (events: TeamEvent[]) => events.reduce(teamDecider.evolve, teamDecider.initialState());
const decide = (command: TeamCommand, history: TeamEvent[]) => teamDecider.decide(command, given(history));
const now = new Date('2026-03-02T09:00:00Z');
const at = now.toISOString();
const failsWith = (code: string) => expect.objectContaining({ code }) as DomainError;

const create: TeamCommand = { type: 'CreateTeam', teamId: 'emea-north', name: 'EMEA North', managerId: 'astrid', now };
const created: TeamEvent = {
  type: 'TeamCreated',
  data: { teamId: 'emea-north', name: 'EMEA North', managerId: 'astrid', createdAt: '2026-03-01T08:00:00.000Z' },
};

describe('Team › create', () => {
  it('given no team, when created, then TeamCreated', () => {
    expect(decide({ ...create, name: '  EMEA North ' }, [])).toEqual([
      { type: 'TeamCreated', data: { teamId: 'emea-north', name: 'EMEA North', managerId: 'astrid', createdAt: at } },
    ]);
  });

  it('given a team, when created again, then TEAM_ALREADY_EXISTS', () => {
    expect(() => decide(create, [created])).toThrow(failsWith('TEAM_ALREADY_EXISTS'));
  });

  it('given no team, when created with a blank name, then 400 on name', () => {
    expect(() => decide({ ...create, name: '   ' }, [])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'name' }) as Error,
    );
  });
});

describe('Team › change', () => {
  const change = (fields: { name?: string; managerId?: string }): TeamCommand => ({
    type: 'ChangeTeam',
    teamId: 'emea-north',
    ...fields,
    now,
  });

  it('given a team, when renamed, then TeamRenamed with the previous name', () => {
    expect(decide(change({ name: 'Nordics' }), [created])).toEqual([
      {
        type: 'TeamRenamed',
        data: { teamId: 'emea-north', name: 'Nordics', previousName: 'EMEA North', renamedAt: at },
      },
    ]);
  });

  it('given a team, when its manager changes, then TeamManagerChanged with the previous manager', () => {
    expect(decide(change({ managerId: 'bo' }), [created])).toEqual([
      {
        type: 'TeamManagerChanged',
        data: { teamId: 'emea-north', managerId: 'bo', previousManagerId: 'astrid', changedAt: at },
      },
    ]);
  });

  it('given a team, when both change, then both events in order', () => {
    const events = decide(change({ name: 'Nordics', managerId: 'bo' }), [created]);
    expect(events.map((e) => e.type)).toEqual(['TeamRenamed', 'TeamManagerChanged']);
    expect(given([created, ...events])).toEqual({
      status: 'exists',
      teamId: 'emea-north',
      name: 'Nordics',
      managerId: 'bo',
    });
  });

  it('given a team, when the same name and manager are sent, then no event', () => {
    expect(decide(change({ name: 'EMEA North', managerId: 'astrid' }), [created])).toEqual([]);
    expect(decide(change({}), [created])).toEqual([]);
  });

  it('given no team, when changed, then TEAM_NOT_FOUND', () => {
    expect(() => decide(change({ name: 'Nordics' }), [])).toThrow(failsWith('TEAM_NOT_FOUND'));
  });
});
