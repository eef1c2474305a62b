import { LEAD, NOW, capture, given, historyOf } from '../../test/lead-decider.support.js';
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
    const data = given(historyOf(capture)).when(defer).thenEmitsOne('LeadRoutingDeferred');
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
    given(historyOf(capture, defer))
      .when({ ...defer, detail: 'all 3 active rep(s) at capacity', now: later })
      .thenNothing();
  });

  it('given a lead waiting, when the reason changes, then it is recorded and the lead keeps waiting since the first', () => {
    const lead = given(historyOf(capture, defer, { ...defer, reason: 'all_unavailable', now: later })).state;
    expect(lead.status === 'new' && lead.waiting).toEqual({
      reason: 'all_unavailable',
      teamId: 'emea',
      since: NOW.toISOString(),
    });
  });

  it('given an owned lead, when deferred, then LEAD_NOT_WAITING; an assignment ends the wait', () => {
    const history = historyOf(capture, defer, {
      type: 'AssignLead',
      leadId: LEAD,
      repId: 'rep-a',
      method: 'round_robin',
      policyVersion: null,
      candidates: [],
      reason: 'capacity freed',
      responseTargetSeconds: 300,
      now: later,
    });
    const lead = given(history).state;
    expect(lead.status !== 'none' && lead.waiting).toBeNull();
    given(history).when(defer).thenFails('LEAD_NOT_WAITING');
  });
});
