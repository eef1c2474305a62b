import { definePort } from '../context/port.js';

/**
 * Whether a tenant has a sales team, asked wherever a lead command names one: a lead's team
 * at capture or import, a team's distribution policy, a routing rule's target. The
 * organisation context owns teams and provides this port from the team's own stream, so a
 * team created a moment ago is known at once, however far the organisation's read models
 * lag behind; the leads context consumes it without importing organisation.
 */
export interface SalesTeams {
  exists(tenantId: string, teamId: string): Promise<boolean>;
}

export const SALES_TEAMS = definePort<SalesTeams>('SalesTeams');
