import { DomainError, InvalidInputError, NotFoundError, type Decider } from '#ltc/kernel';
import type { ChangeRepAvailability, ChangeRepProfile, RegisterRep, RepCommand } from './rep.commands.js';
import type { RepEvent, RepProfileField } from './rep.events.js';
import { initialRepState, type ActiveRep, type RepState } from './rep.state.js';
import {
  CAPACITY_LIMITS,
  canonicalRoles,
  canonicalTerritories,
  sameList,
  sameTerritories,
  type Availability,
  type RepCapacity,
  type RepRole,
} from './rep.types.js';

export function decideRep(command: RepCommand, state: RepState): RepEvent[] {
  switch (command.type) {
    case 'RegisterRep':
      return register(command, state);
    case 'ChangeRepProfile':
      return changeProfile(command, requireActive(state, command.repId));
    case 'ChangeRepCapacity': {
      const rep = requireActive(state, command.repId);
      const capacity = checkedCapacity(command.capacity);
      if (capacity.maxOpenLeads === rep.capacity.maxOpenLeads && capacity.dailyQuota === rep.capacity.dailyQuota) {
        return [];
      }
      return [
        { type: 'RepCapacityChanged', data: { repId: rep.repId, capacity, changedAt: command.now.toISOString() } },
      ];
    }
    case 'ChangeRepAvailability':
      return changeAvailability(command, requireActive(state, command.repId));
    case 'DeactivateRep': {
      if (state.status === 'none') throw new NotFoundError('Rep', command.repId);
      if (state.status === 'deactivated') return [];
      return [
        {
          type: 'RepDeactivated',
          data: { repId: state.repId, reason: command.reason, deactivatedAt: command.now.toISOString() },
        },
      ];
    }
    case 'ReactivateRep': {
      if (state.status === 'none') throw new NotFoundError('Rep', command.repId);
      if (state.status === 'active') return [];
      return [{ type: 'RepReactivated', data: { repId: state.repId, reactivatedAt: command.now.toISOString() } }];
    }
  }
}

function register(command: RegisterRep, state: RepState): RepEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('REP_ALREADY_EXISTS', `Rep ${command.repId} is already registered`, {
      repId: command.repId,
    });
  }
  if (command.teamId !== null && !command.teamExists) throw teamNotFound(command.teamId);
  return [
    {
      type: 'RepRegistered',
      data: {
        repId: command.repId,
        name: checkedName(command.name),
        email: command.email.toLowerCase(),
        roles: checkedRoles(command.roles),
        teamId: command.teamId,
        territories: canonicalTerritories(command.territories),
        capacity: checkedCapacity(command.capacity),
        registeredAt: command.now.toISOString(),
      },
    },
  ];
}

function changeProfile(command: ChangeRepProfile, rep: ActiveRep): RepEvent[] {
  const { changes } = command;
  const next = {
    name: changes.name === undefined ? rep.name : checkedName(changes.name),
    email: changes.email === undefined ? rep.email : changes.email.toLowerCase(),
    roles: changes.roles === undefined ? rep.roles : checkedRoles(changes.roles),
    teamId: changes.teamId === undefined ? rep.teamId : changes.teamId,
    territories: canonicalTerritories({ ...rep.territories, ...definedOnly(changes.territories ?? {}) }),
  };
  const changed: RepProfileField[] = [];
  if (next.name !== rep.name) changed.push('name');
  if (next.email !== rep.email) changed.push('email');
  if (!sameList(next.roles, rep.roles)) changed.push('roles');
  if (next.teamId !== rep.teamId) changed.push('teamId');
  if (!sameTerritories(next.territories, rep.territories)) changed.push('territories');
  if (changed.length === 0) return [];
  // Only a move into a team is checked: the team a rep is already in exists (teams are never deleted).
  if (changed.includes('teamId') && next.teamId !== null && !command.teamExists) throw teamNotFound(next.teamId);
  return [
    {
      type: 'RepProfileChanged',
      data: { repId: rep.repId, ...next, changed, changedAt: command.now.toISOString() },
    },
  ];
}

function changeAvailability(command: ChangeRepAvailability, rep: ActiveRep): RepEvent[] {
  const wanted = command.availability;
  let availability: Availability;
  if (wanted.status === 'away') {
    if (wanted.until !== null && wanted.until.getTime() <= command.now.getTime()) {
      throw new InvalidInputError('until', 'future', 'until must be a time in the future');
    }
    availability = { status: 'away', until: wanted.until?.toISOString() ?? null };
  } else {
    availability = { status: 'active' };
  }
  if (sameAvailability(availability, rep.availability)) return [];
  return [
    { type: 'RepAvailabilityChanged', data: { repId: rep.repId, availability, changedAt: command.now.toISOString() } },
  ];
}

export function evolveRep(state: RepState, event: RepEvent): RepState {
  switch (event.type) {
    case 'RepRegistered': {
      const { repId, name, email, roles, teamId, territories, capacity } = event.data;
      return {
        status: 'active',
        repId,
        name,
        email,
        roles,
        teamId,
        territories,
        capacity,
        availability: { status: 'active' },
      };
    }
    case 'RepProfileChanged': {
      if (state.status === 'none') return state;
      const { name, email, roles, teamId, territories } = event.data;
      return { ...state, name, email, roles, teamId, territories };
    }
    case 'RepCapacityChanged':
      return state.status === 'none' ? state : { ...state, capacity: event.data.capacity };
    case 'RepAvailabilityChanged':
      return state.status === 'none' ? state : { ...state, availability: event.data.availability };
    case 'RepDeactivated':
      return state.status === 'none' ? state : { ...state, status: 'deactivated' };
    case 'RepReactivated':
      return state.status === 'none' ? state : { ...state, status: 'active' };
    default: {
      // Events of newer versions of the engine are ignored rather than breaking old state.
      const unknown: never = event;
      void unknown;
      return state;
    }
  }
}

export const repDecider: Decider<RepCommand, RepEvent, RepState> = {
  initialState: initialRepState,
  decide: decideRep,
  evolve: evolveRep,
};

/** Changes need a registered rep who is still active. */
function requireActive(state: RepState, repId: string): ActiveRep {
  if (state.status === 'none') throw new NotFoundError('Rep', repId);
  if (state.status === 'deactivated') {
    throw new DomainError('REP_DEACTIVATED', `Rep ${repId} is deactivated; reactivate them first`, { repId });
  }
  return state;
}

function teamNotFound(teamId: string): DomainError {
  return new DomainError('TEAM_NOT_FOUND', `Team ${teamId} does not exist`, { teamId });
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new InvalidInputError('name', 'notEmpty', 'name must not be empty');
  return trimmed;
}

function checkedRoles(roles: readonly RepRole[]): RepRole[] {
  const canonical = canonicalRoles(roles);
  if (canonical.length === 0) throw new InvalidInputError('roles', 'arrayMinSize', 'roles must name ar, sr or fr');
  return canonical;
}

function checkedCapacity(capacity: RepCapacity): RepCapacity {
  for (const field of ['maxOpenLeads', 'dailyQuota'] as const) {
    const { min, max } = CAPACITY_LIMITS[field];
    const value = capacity[field];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InvalidInputError(field, 'range', `${field} must be a whole number from ${min} to ${max}`);
    }
  }
  return { maxOpenLeads: capacity.maxOpenLeads, dailyQuota: capacity.dailyQuota };
}

function sameAvailability(a: Availability, b: Availability): boolean {
  if (a.status === 'active' || b.status === 'active') return a.status === b.status;
  return a.until === b.until;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
