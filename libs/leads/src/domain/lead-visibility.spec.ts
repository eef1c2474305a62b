import { LEAD, NOW, capture, historyOf } from '../../test/lead-decider.support.js';
import { leadDecider } from './lead.decider.js';
import type { PoolMethod } from './lead-vocabulary.js';
import type { LeadEvent } from './lead.events.js';
import type { Lead } from './lead.state.js';
import {
  isLeadVisible,
  isVisibleForClaim,
  leadScopeOf,
  visibilityFactsOfLead,
  type LeadVisibilityFacts,
} from './lead-visibility.js';

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

describe('Lead visibility › from the lead’s own stream (commands)', () => {
  const ana = leadScopeOf({ userId: 'ana', roles: ['ar'], teamMembers: [] });
  /** A lead pooled by `method`, then claimed (or assigned by hand) by Bjorn. */
  function takenByBjorn(method: PoolMethod, how: 'claim' | 'assign'): Lead {
    const history: LeadEvent[] = [];
    const pool = {
      type: 'PoolLead',
      leadId: LEAD,
      method,
      policyVersion: 1,
      notifiedRepIds: [],
      reason: 'pool',
    } as const;

    const take =
      how === 'claim'
        ? ({ type: 'ClaimLead', leadId: LEAD, repId: 'bjorn', responseTargetSeconds: null, now: NOW } as const)
        : ({
            type: 'AssignLead',
            leadId: LEAD,
            repId: 'bjorn',
            method: 'manual',
            policyVersion: null,
            candidates: [],
            reason: 'by hand',
            responseTargetSeconds: null,
            now: NOW,
          } as const);
    history.push(...historyOf(capture, { ...pool, now: NOW }, take));
    const lead = history.reduce(leadDecider.evolve, leadDecider.initialState());
    if (lead.status === 'none') throw new Error('no lead');
    return lead;
  }

  it("another rep's lead is out of sight, also for a claim, unless it was just claimed from a pool the caller may pull from", () => {
    expect(isLeadVisible(ana, visibilityFactsOfLead(takenByBjorn('shark_tank', 'claim')))).toBe(false);
    expect(isVisibleForClaim(ana, takenByBjorn('shark_tank', 'claim'))).toBe(true);
    expect(isVisibleForClaim(ana, takenByBjorn('blind_pull', 'claim'))).toBe(false);
    expect(isVisibleForClaim(ana, takenByBjorn('shark_tank', 'assign'))).toBe(false);
  });

  it('a recycled lead, which carries no pool method, is seen by reps: it is claimed as a cherry pick', () => {
    const recycled: LeadVisibilityFacts = { ownerId: null, offeredTo: null, status: 'recycled', poolMethod: null };
    expect(isLeadVisible(ana, recycled)).toBe(true);
  });
});
