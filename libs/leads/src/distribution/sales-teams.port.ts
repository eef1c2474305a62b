/**
 * Whether a tenant has a sales team, asked wherever a command names one: a lead's team at
 * capture or import, a team's distribution policy, a routing rule's target. The organisation
 * context owns teams and the leads context must not import it, so the composition root binds
 * this to the team's own stream: a team created a moment ago is known at once, however far the
 * organisation's read models lag behind.
 */
export interface SalesTeams {
  exists(tenantId: string, teamId: string): Promise<boolean>;
}

export const SALES_TEAMS = Symbol('SalesTeams');
