import { DomainError, InvalidInputError, NotFoundError, type Decider } from '#ltc/kernel';
import type { TeamCommand } from './team.commands.js';
import type { TeamEvent } from './team.events.js';
import { initialTeamState, type TeamState } from './team.state.js';

export function decideTeam(command: TeamCommand, state: TeamState): TeamEvent[] {
  switch (command.type) {
    case 'CreateTeam': {
      if (state.status !== 'none') {
        throw new DomainError('TEAM_ALREADY_EXISTS', `Team ${command.teamId} already exists`, {
          teamId: command.teamId,
        });
      }
      return [
        {
          type: 'TeamCreated',
          data: {
            teamId: command.teamId,
            name: checkedName(command.name),
            managerId: command.managerId,
            createdAt: command.now.toISOString(),
          },
        },
      ];
    }
    case 'ChangeTeam': {
      if (state.status === 'none') throw new NotFoundError('Team', command.teamId);
      const at = command.now.toISOString();
      const events: TeamEvent[] = [];
      const name = command.name === undefined ? state.name : checkedName(command.name);
      if (name !== state.name) {
        events.push({
          type: 'TeamRenamed',
          data: { teamId: state.teamId, name, previousName: state.name, renamedAt: at },
        });
      }
      if (command.managerId !== undefined && command.managerId !== state.managerId) {
        events.push({
          type: 'TeamManagerChanged',
          data: {
            teamId: state.teamId,
            managerId: command.managerId,
            previousManagerId: state.managerId,
            changedAt: at,
          },
        });
      }
      return events;
    }
  }
}

export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  switch (event.type) {
    case 'TeamCreated': {
      const { teamId, name, managerId } = event.data;
      return { status: 'exists', teamId, name, managerId };
    }
    case 'TeamRenamed':
      return state.status === 'none' ? state : { ...state, name: event.data.name };
    case 'TeamManagerChanged':
      return state.status === 'none' ? state : { ...state, managerId: event.data.managerId };
    default: {
      // Events of newer versions of the engine are ignored rather than breaking old state.
      const unknown: never = event;
      void unknown;
      return state;
    }
  }
}

export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  initialState: initialTeamState,
  decide: decideTeam,
  evolve: evolveTeam,
};

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new InvalidInputError('name', 'notEmpty', 'name must not be empty');
  return trimmed;
}
