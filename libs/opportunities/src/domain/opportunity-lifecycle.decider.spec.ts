import {
  DEAL,
  NOW,
  PIPELINE,
  ar,
  given,
  historyOf,
  line,
  manager,
  move,
  open,
  quote,
  send,
  sr,
  triangle,
} from '../../test/opportunity-decider.support.js';
import type { OpportunityCommand } from './opportunity.commands.js';

const base = { opportunityId: DEAL, actor: ar, now: NOW };
const win = (quoteVersion: number): OpportunityCommand => ({
  ...base,
  type: 'WinOpportunity',
  quoteVersion,
  reason: null,
  pipeline: PIPELINE,
});
const lose: OpportunityCommand = {
  ...base,
  type: 'LoseOpportunity',
  reasonCode: 'price',
  competitor: 'Acme',
  note: null,
  pipeline: PIPELINE,
};
const reopen = (actor = manager): OpportunityCommand => ({
  ...base,
  actor,
  type: 'ReopenOpportunity',
  reason: 'customer came back',
  pipeline: PIPELINE,
});
const edit = (changes: Extract<OpportunityCommand, { type: 'EditOpportunity' }>['changes']): OpportunityCommand => ({
  ...base,
  type: 'EditOpportunity',
  changes,
  reason: 'customer call',
});

describe('Opportunity › open', () => {
  it('given no deal, when a lead converts, then it opens in the first stage, owned and led by the AR, with the lead source', () => {
    const data = given([]).when(open).thenEmitsOne('OpportunityOpened');
    expect(data).toMatchObject({
      stageId: 'qualify',
      probabilityBp: 1000,
      forecastCategory: 'pipeline',
      owner: ar.id,
      pipelineVersion: 1,
    });
    expect(data.lead?.source).toBe('website');
    const state = given([{ type: 'OpportunityOpened', data }]).state;
    expect(state.status !== 'none' && state.leader).toBe(ar.id);
  });

  it('given a conversion carrying the lead capture time, then OpportunityOpened keeps it (pipeline length runs from it)', () => {
    const captured = { ...open, lead: { ...open.lead!, capturedAt: '2026-02-20T08:00:00.000Z' } };
    expect(given([]).when(captured).thenEmitsOne('OpportunityOpened').lead?.capturedAt).toBe(
      '2026-02-20T08:00:00.000Z',
    );
  });

  it('given an opened deal, when the same conversion comes again, then nothing; a direct open of the id is refused', () => {
    given(historyOf(open)).when(open).thenNothing();
    given(historyOf(open))
      .when({ ...open, origin: 'direct' })
      .thenFails('OPPORTUNITY_ALREADY_EXISTS');
  });

  it('refuses a blank name, a bad amount and a date not on the calendar, naming the field', () => {
    given([])
      .when({ ...open, name: ' ' })
      .thenFails({ code: 'VALIDATION_FAILED', field: 'name' });
    given([])
      .when({ ...open, amount: { amountMinor: 1.5, currency: 'EUR' } })
      .thenFails({ field: 'amount', rule: 'money' });
    given([])
      .when({ ...open, closeDate: '2026-04-31' })
      .thenFails({ field: 'closeDate', rule: 'calendarDate' });
    given([])
      .when({ ...open, lead: null })
      .thenFails({ field: 'lead', rule: 'required' });
  });
});

describe('Opportunity › edit', () => {
  it('given a deal, when amount, close date, probability and name change, then one event each with actor and reason', () => {
    const events = given(historyOf(open)).when(
      edit({
        amount: { amountMinor: 300_000_00, currency: 'EUR' },
        closeDate: '2026-09-30',
        probabilityBp: 3000,
        name: 'Fleet upgrade',
      }),
    ).events;
    expect(events.map((e) => e.type)).toEqual([
      'OpportunityRenamed',
      'OpportunityAmountChanged',
      'OpportunityCloseDateChanged',
      'OpportunityProbabilityChanged',
    ]);
    expect(events[2]).toMatchObject({
      data: { closeDate: '2026-09-30', previousCloseDate: '2026-06-30', actor: ar.id, reason: 'customer call' },
    });
  });

  it('given a deal, when the values it already has are sent, then nothing; a probability over 100 % is refused', () => {
    given(historyOf(open))
      .when(edit({ closeDate: '2026-06-30', name: 'Fleet telematics upgrade' }))
      .thenNothing();
    given(historyOf(open))
      .when(edit({ probabilityBp: 10_001 }))
      .thenFails({ field: 'probabilityBp', rule: 'basisPoints' });
  });
});

describe('Opportunity › stage gates', () => {
  it('given no SR in the triangle, when moved to bid, then GATE_SR_REQUIRED; with an SR it moves', () => {
    given(historyOf(open))
      .when(move('bid'))
      .thenFails({ code: 'GATE_SR_REQUIRED', details: { stageId: 'bid', gate: 'triangle_has_sr' } });
    const data = given(historyOf(open, triangle)).when(move('bid')).thenEmitsOne('OpportunityStageChanged');
    expect(data).toMatchObject({
      stageId: 'bid',
      previousStageId: 'qualify',
      probabilityBp: 5000,
      forecastCategory: 'best_case',
    });
  });

  it('given no sent quote, when moved to negotiate, then GATE_QUOTE_NOT_SENT; after a sent quote it moves', () => {
    given(historyOf(open, quote([line(100)])))
      .when(move('negotiate'))
      .thenFails('GATE_QUOTE_NOT_SENT');
    given(historyOf(open, quote([line(100)]), send(1)))
      .when(move('negotiate'))
      .thenEmitsOne('OpportunityStageChanged');
  });

  it('given an unsent winning quote, when won, then GATE_WINNING_QUOTE_NOT_SENT; sent, it wins with the quote total', () => {
    given(historyOf(open, quote([line(100)]), quote([line(200)]), send(2)))
      .when(win(1))
      .thenFails('GATE_WINNING_QUOTE_NOT_SENT');
    const data = given(historyOf(open, quote([line(200, 1000)]), send(1)))
      .when(win(1))
      .thenEmitsOne('OpportunityWon');
    expect(data).toMatchObject({ quoteVersion: 1, amount: { amountMinor: 180, currency: 'EUR' }, stageId: 'won' });
    given(historyOf(open)).when(win(1)).thenFails('QUOTE_VERSION_NOT_FOUND');
  });

  it('refuses moving to an outcome stage, an unknown stage and another pipeline; the same stage is nothing', () => {
    given(historyOf(open)).when(move('won')).thenFails('STAGE_IS_AN_OUTCOME');
    given(historyOf(open)).when(move('nowhere')).thenFails({ field: 'stage', rule: 'knownStage' });
    given(historyOf(open))
      .when({ ...move('develop_solution'), pipeline: { ...PIPELINE, pipelineId: 'renewals' } })
      .thenFails('PIPELINE_MISMATCH');
    given(historyOf(open)).when(move('qualify')).thenNothing();
  });
});

describe('Opportunity › lost and reopened', () => {
  it('given a deal, when lost with a listed reason, then OpportunityLost; an unlisted reason is refused', () => {
    expect(given(historyOf(open)).when(lose).thenEmitsOne('OpportunityLost')).toMatchObject({
      reasonCode: 'price',
      competitor: 'Acme',
    });
    given(historyOf(open))
      .when({ ...lose, reasonCode: 'weather' })
      .thenFails({ field: 'reasonCode', rule: 'knownLossReason' });
  });

  it('given a lost deal, when edited, then OPPORTUNITY_CLOSED; reopened by a sales manager it returns to its stage', () => {
    const lost = historyOf(open, triangle, move('bid'), lose);
    given(lost)
      .when(edit({ name: 'x' }))
      .thenFails('OPPORTUNITY_CLOSED');
    given(lost).when(reopen(sr)).thenFails('REOPEN_NEEDS_SALES_MANAGER');
    // A team's sales manager reopens the deals of their teams only (this one is emea-north's).
    given(lost)
      .when(reopen({ ...manager, managerOf: ['emea-south'] }))
      .thenFails('REOPEN_NEEDS_SALES_MANAGER');
    given(lost)
      .when(reopen({ ...manager, managerOf: ['emea-north'] }))
      .thenEmitsOne('OpportunityReopened');
    expect(given(lost).when(reopen()).thenEmitsOne('OpportunityReopened')).toMatchObject({
      stageId: 'bid',
      probabilityBp: 5000,
    });
    given(historyOf(open)).when(reopen()).thenFails('OPPORTUNITY_NOT_CLOSED');
  });
});
