import { isLeadVisible, leadScopeOf, type LeadVisibilityFacts } from './lead-visibility.js';

const anasLead: LeadVisibilityFacts = { ownerId: 'ana', offeredTo: null, status: 'working', poolMethod: null };
const bjornsLead: LeadVisibilityFacts = { ownerId: 'bjorn', offeredTo: null, status: 'assigned', poolMethod: null };
const carlasLead: LeadVisibilityFacts = { ownerId: 'carla', offeredTo: null, status: 'assigned', poolMethod: null };
const sharkTank: LeadVisibilityFacts = { ownerId: null, offeredTo: null, status: 'pooled', poolMethod: 'shark_tank' };
const blindPull: LeadVisibilityFacts = { ownerId: null, offeredTo: null, status: 'pooled', poolMethod: 'blind_pull' };
const offeredToBjorn: LeadVisibilityFacts = { ownerId: null, offeredTo: 'bjorn', status: 'offered', poolMethod: null };
const unrouted: LeadVisibilityFacts = { ownerId: null, offeredTo: null, status: 'new', poolMethod: null };
const leads = { anasLead, bjornsLead, carlasLead, sharkTank, blindPull, offeredToBjorn, unrouted };

/** The names of the leads a reader sees, in a fixed order. */
function seenBy(roles: string[], userId: string, teamMembers: string[]): string[] {
  const scope = leadScopeOf({ userId, roles, teamMembers });
  return Object.entries(leads)
    .filter(([, lead]) => isLeadVisible(scope, lead))
    .map(([name]) => name);
}

describe('Lead visibility', () => {
  // Ana and Bjorn are reps of team north (managed by Maja); Carla is on team south.
  const north = ['ana', 'bjorn'];

  it('a rep sees their own leads, leads offered to them, the pool they may pull from and leads not yet routed', () => {
    expect(seenBy(['ar'], 'ana', north)).toEqual(['anasLead', 'sharkTank', 'unrouted']);
    expect(seenBy(['ar'], 'bjorn', north)).toEqual(['bjornsLead', 'sharkTank', 'offeredToBjorn', 'unrouted']);
  });

  it('a rep with no team sees the same', () => {
    expect(seenBy(['sr'], 'carla', [])).toEqual(['carlasLead', 'sharkTank', 'unrouted']);
  });

  it("a team's manager sees the team's leads, the whole pool and leads nobody owns, not other teams' leads", () => {
    expect(seenBy(['sales_manager'], 'maja', north)).toEqual([
      'anasLead',
      'bjornsLead',
      'sharkTank',
      'blindPull',
      'offeredToBjorn',
      'unrouted',
    ]);
  });

  it('a manager with no team sees every lead of the tenant', () => {
    expect(seenBy(['sales_manager'], 'head-of-sales', [])).toEqual(Object.keys(leads));
  });

  it('admins and auditors see every lead of the tenant, team or not', () => {
    expect(seenBy(['admin'], 'root', [])).toEqual(Object.keys(leads));
    expect(seenBy(['auditor'], 'audit', north)).toEqual(Object.keys(leads));
  });

  it('the widest of several roles applies', () => {
    expect(seenBy(['ar', 'auditor'], 'ana', north)).toEqual(Object.keys(leads));
    expect(seenBy(['ar', 'sales_manager'], 'ana', north)).toEqual(seenBy(['sales_manager'], 'ana', north));
  });
});
