import { deciderSpec } from '#ltc/testing/decider-spec';
import type { TeamCommand } from './team.commands.js';
import type { TeamEvent } from './team.events.js';
import { teamDecider } from './team.decider.js';

const { given } = deciderSpec(teamDecider);
const now = new Date('2026-03-02T09:00:00Z');
const at = now.toISOString();

const create: TeamCommand = { type: 'CreateTeam', teamId: 'emea-north', name: 'EMEA North', managerId: 'astrid', now };
const created: TeamEvent = {
  type: 'TeamCreated',
  data: { teamId: 'emea-north', name: 'EMEA North', managerId: 'astrid', createdAt: '2026-03-01T08:00:00.000Z' },
};

describe('Team › create', () => {
  it('given no team, when created, then TeamCreated', () => {
    given([])
      .when({ ...create, name: '  EMEA North ' })
      .thenEmits([
        { type: 'TeamCreated', data: { teamId: 'emea-north', name: 'EMEA North', managerId: 'astrid', createdAt: at } },
      ]);
  });

  it('given a team, when created again, then TEAM_ALREADY_EXISTS', () => {
    given([created]).when(create).thenFails('TEAM_ALREADY_EXISTS');
  });

  it('given no team, when created with a blank name, then 400 on name', () => {
    given([])
      .when({ ...create, name: '   ' })
      .thenFails({ code: 'VALIDATION_FAILED', field: 'name' });
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
    given([created])
      .when(change({ name: 'Nordics' }))
      .thenEmits([
        {
          type: 'TeamRenamed',
          data: { teamId: 'emea-north', name: 'Nordics', previousName: 'EMEA North', renamedAt: at },
        },
      ]);
  });

  it('given a team, when its manager changes, then TeamManagerChanged with the previous manager', () => {
    given([created])
      .when(change({ managerId: 'bo' }))
      .thenEmits([
        {
          type: 'TeamManagerChanged',
          data: { teamId: 'emea-north', managerId: 'bo', previousManagerId: 'astrid', changedAt: at },
        },
      ]);
  });

  it('given a team, when both change, then both events in order', () => {
    const events = given([created]).when(change({ name: 'Nordics', managerId: 'bo' })).events;
    expect(events.map((e) => e.type)).toEqual(['TeamRenamed', 'TeamManagerChanged']);
    expect(given([created, ...events]).state).toEqual({
      status: 'exists',
      teamId: 'emea-north',
      name: 'Nordics',
      managerId: 'bo',
    });
  });

  it('given a team, when the same name and manager are sent, then no event', () => {
    given([created])
      .when(change({ name: 'EMEA North', managerId: 'astrid' }))
      .thenNothing();
    given([created]).when(change({})).thenNothing();
  });

  it('given no team, when changed, then TEAM_NOT_FOUND', () => {
    given([])
      .when(change({ name: 'Nordics' }))
      .thenFails('TEAM_NOT_FOUND');
  });
});
