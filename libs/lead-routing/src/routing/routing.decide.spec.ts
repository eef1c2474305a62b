import { DEFAULT_DISTRIBUTION_POLICY } from '../distribution/domain/distribution-policy.js';
import { type LeadEvent, leadDecider, type Lead } from '#ltc/leads/domain';
import { LEAD, NOW, assignedLead, capture, historyOf } from '../../../leads/test/lead-decider.support.js';
import { decideRouting, type RoutingView } from './routing.decide.js';

/** Routing's decision is data: given the lead as of an event and now, which effects it asks for. */

function leadAfter(events: readonly LeadEvent[]): Lead {
  const state = events.reduce(leadDecider.evolve, leadDecider.initialState());
  if (state.status === 'none') throw new Error('no lead');
  return state;
}

function view(events: readonly LeadEvent[], now: readonly LeadEvent[] = events, extra: Partial<RoutingView> = {}) {
  return {
    asOf: leadAfter(events),
    current: leadAfter(now),
    policy: DEFAULT_DISTRIBUTION_POLICY,
    routedBefore: false,
    rules: null,
    ...extra,
  } satisfies RoutingView;
}

const last = (events: readonly LeadEvent[]): LeadEvent => {
  const event = events.at(-1);
  if (!event) throw new Error('no events');
  return event;
};

describe('Lead routing › the decision on one event', () => {
  const captured = historyOf(capture);
  const assigned = assignedLead('rep-a');

  it('a captured lead without a team takes the first matching rule’s team, then is routed by that team', () => {
    const rules = {
      version: 3,
      rules: [{ id: 'nordics', team: 'north', sources: [], regions: ['EMEA'], industries: [] }],
    };
    const effects = decideRouting(last(captured), view(captured, captured, { rules }));
    expect(effects).toEqual([
      {
        kind: 'dispatch',
        command: {
          type: 'lead.SetLeadTeam',
          payload: {
            leadId: LEAD,
            team: 'north',
            ruleId: 'nordics',
            reason: 'routing rule nordics (rules v3) matched',
          },
        },
        options: { key: 'team' },
      },
      expect.objectContaining({ kind: 'route', trigger: 'new_lead', lead: expect.objectContaining({ team: 'north' }) }),
    ]);
  });

  it('a capture handled after a manager assigned the lead routes nothing', () => {
    expect(decideRouting(last(captured), view(captured, assigned))).toEqual([]);
  });

  it('an assignment arms the response clock (warning, breach) and recycling, keyed by assignment and progress', () => {
    const effects = decideRouting(last(assigned), view(assigned));
    expect(effects.map((e) => (e.kind === 'schedule' ? e.timer.timerId : e.kind))).toEqual([
      `leadResponseWarn:${LEAD}:1`,
      `leadResponseBreach:${LEAD}:1`,
      `leadRecycleWarn:${LEAD}:1`,
      `leadRecycle:${LEAD}:1`,
    ]);
  });

  it('a contact attempt stops the response clock and re-arms recycling from its progress', () => {
    const events = [
      ...assigned,
      ...leadDecider.decide(
        {
          type: 'RecordContactAttempt',
          leadId: LEAD,
          repId: 'rep-a',
          onBehalfOfOwner: false,
          channel: 'phone',
          outcome: 'no_answer',
          note: null,
          now: new Date(NOW.getTime() + 60_000),
        },
        leadAfter(assigned),
      ),
    ];
    const effects = decideRouting(last(events), view(events));
    expect(effects.slice(0, 2)).toEqual([
      { kind: 'cancel', timerId: `leadResponseWarn:${LEAD}:1` },
      { kind: 'cancel', timerId: `leadResponseBreach:${LEAD}:1` },
    ]);
    expect(effects.slice(2).map((e) => (e.kind === 'schedule' ? e.timer.timerId : e.kind))).toEqual([
      `leadRecycleWarn:${LEAD}:2`,
      `leadRecycle:${LEAD}:2`,
    ]);
  });

  it('a breach reassigns only a lead still late with that rep, never back to them; notify-only does nothing here', () => {
    const breach = (escalation: 'reassign' | 'notify_manager') => [
      ...assigned,
      ...leadDecider.decide(
        { type: 'BreachLeadResponse', leadId: LEAD, assignmentNo: 1, escalation, now: NOW },
        leadAfter(assigned),
      ),
    ];
    const reassign = breach('reassign');
    expect(decideRouting(last(reassign), view(reassign))).toEqual([
      expect.objectContaining({
        kind: 'route',
        trigger: 'sla_breach',
        excluded: [{ repId: 'rep-a', reason: 'missed the first-contact target on this lead' }],
      }),
    ]);
    const notify = breach('notify_manager');
    expect(decideRouting(last(notify), view(notify))).toEqual([]);
  });

  it('a score routes a waiting lead only when routing never decided anything for it', () => {
    const scored = [
      ...captured,
      ...leadDecider.decide(
        {
          type: 'ScoreLead',
          leadId: LEAD,
          score: 70,
          tier: 'A',
          attemptTarget: 6,
          responseTargetSeconds: 300,
          modelVersion: 1,
          breakdown: [],
          now: NOW,
        },
        leadAfter(captured),
      ),
    ];
    expect(decideRouting(last(scored), view(scored))).toEqual([
      expect.objectContaining({ kind: 'route', trigger: 'new_lead' }),
    ]);
    expect(decideRouting(last(scored), view(scored, scored, { routedBefore: true }))).toEqual([]);
  });
});
