import { LEAD, NOW, capture, given, rejects, then, when } from '../../test/lead-decider.support.js';
import type { LeadEvent } from './lead.events.js';
import type { DeferLeadRouting } from './lead.commands.js';

describe('Lead › routing deferred', () => {
  const defer: DeferLeadRouting = {
    type: 'DeferLeadRouting',
    leadId: LEAD,
    reason: 'all_at_capacity',
    detail: 'all 2 active rep(s) at capacity',
    teamId: 'emea',
    importBatchId: 'batch-1',
    now: NOW,
  };
  const later = new Date(NOW.getTime() + 60_000);

  it('given a new lead nobody could take, when deferred, then LeadRoutingDeferred says why and for which team', () => {
    const data = then(when(when([], capture), defer), 'LeadRoutingDeferred');
    expect(data).toEqual({
      leadId: LEAD,
      reason: 'all_at_capacity',
      detail: 'all 2 active rep(s) at capacity',
      teamId: 'emea',
      importBatchId: 'batch-1',
      at: NOW.toISOString(),
    });
  });

  it('given a lead already waiting for the same reason, when deferred again, then nothing is recorded', () => {
    const history = [...when([], capture)];
    history.push(...when(history, defer));
    expect(when(history, { ...defer, detail: 'all 3 active rep(s) at capacity', now: later })).toEqual([]);
  });

  it('given a lead waiting, when the reason changes, then it is recorded and the lead keeps waiting since the first', () => {
    const history: LeadEvent[] = [...when([], capture)];
    history.push(...when(history, defer));
    history.push(...when(history, { ...defer, reason: 'all_unavailable', now: later }));
    const lead = given(history);
    expect(lead.status === 'new' && lead.waiting).toEqual({
      reason: 'all_unavailable',
      teamId: 'emea',
      since: NOW.toISOString(),
    });
  });

  it('given an owned lead, when deferred, then LEAD_NOT_WAITING; an assignment ends the wait', () => {
    const history: LeadEvent[] = [...when([], capture)];
    history.push(...when(history, defer));
    history.push(
      ...when(history, {
        type: 'AssignLead',
        leadId: LEAD,
        repId: 'rep-a',
        method: 'round_robin',
        policyVersion: null,
        candidates: [],
        reason: 'capacity freed',
        responseTargetSeconds: 300,
        now: later,
      }),
    );
    const lead = given(history);
    expect(lead.status !== 'none' && lead.waiting).toBeNull();
    rejects(history, defer, 'LEAD_NOT_WAITING');
  });
});
