import { canSeeDealOf, isTeamDeal, loadDealScope, type DealScope } from './deal-scope.js';
import type { TeamMemberships } from './team-memberships.port.js';

const teams = (byPerson: Record<string, string[]>): TeamMemberships & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    teamsOf: async (_tenant, personId) => {
      asked.push(personId);
      return byPerson[personId] ?? [];
    },
  };
};
const caller = (userId: string, roles: string[]) => ({ userId, roles, tenantId: 'acme' });

describe('the deal scope', () => {
  it('gives admins and auditors the tenant, without asking for their teams', async () => {
    const memberships = teams({ root: ['north'] });
    expect(await loadDealScope(memberships, caller('root', ['admin', 'sales_manager']))).toEqual({ kind: 'tenant' });
    expect(await loadDealScope(memberships, caller('audrey', ['auditor']))).toEqual({ kind: 'tenant' });
    expect(memberships.asked).toEqual([]);
  });

  it('gives a sales manager their teams, and the tenant to one in no team (the head of sales)', async () => {
    const memberships = teams({ maria: ['north', 'west'] });
    expect(await loadDealScope(memberships, caller('maria', ['sales_manager']))).toEqual({
      kind: 'team',
      personId: 'maria',
      teams: ['north', 'west'],
    });
    expect(await loadDealScope(memberships, caller('hedda', ['sales_manager']))).toEqual({ kind: 'tenant' });
  });

  it('gives everyone else the deals they are named in', async () => {
    const memberships = teams({ ingrid: ['north'] });
    expect(await loadDealScope(memberships, caller('ingrid', ['ar']))).toEqual({ kind: 'member', personId: 'ingrid' });
    expect(memberships.asked).toEqual([]);
  });

  it("shows a team's manager their teams' deals and those naming them; manages only their teams'", () => {
    const scope: DealScope = { kind: 'team', personId: 'maria', teams: ['north'] };
    expect(canSeeDealOf(scope, { team: 'north', people: ['ingrid', null] })).toBe(true);
    expect(canSeeDealOf(scope, { team: 'south', people: ['bo', 'maria'] })).toBe(true);
    expect(canSeeDealOf(scope, { team: 'south', people: ['bo', null] })).toBe(false);
    expect(canSeeDealOf(scope, { team: null, people: ['bo'] })).toBe(false);
    expect(isTeamDeal(scope, 'north')).toBe(true);
    expect(isTeamDeal(scope, 'south')).toBe(false);
    expect(isTeamDeal(scope, null)).toBe(false);
    expect(isTeamDeal({ kind: 'tenant' }, null)).toBe(true);
    expect(isTeamDeal({ kind: 'member', personId: 'maria' }, 'north')).toBe(false);
  });

  it('shows a member only the deals naming them', () => {
    const scope: DealScope = { kind: 'member', personId: 'ingrid' };
    expect(canSeeDealOf(scope, { team: 'north', people: [null, 'ingrid'] })).toBe(true);
    expect(canSeeDealOf(scope, { team: 'north', people: ['sven'] })).toBe(false);
  });
});
