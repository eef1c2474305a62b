import { definePort } from '../context/port.js';

/**
 * The sales teams a person belongs to (as a rep) or manages: what a sales manager's sight of
 * deals, contracts and deal histories is narrowed to (deal-scope.ts). The leads context provides
 * it from its own projection of the organisation's events, the same lookup its lead visibility
 * uses, so a manager's team is one answer across leads, deals and contracts.
 */
export interface TeamMemberships {
  /** The teams, without repeats; empty when the person is in no team and manages none. */
  teamsOf(tenantId: string, personId: string): Promise<readonly string[]>;
}

export const TEAM_MEMBERSHIPS = definePort<TeamMemberships>('TeamMemberships');
