import { recordedEvent } from '../../../projections/test/recorded-event.js';
import { conversionProcessManager } from './conversion.process-manager.js';
import { decideOpenDeal } from './open-deal-on-conversion.decide.js';

const converted = (data: Record<string, unknown>) => recordedEvent({ type: 'LeadConverted', stream: 'lead-l1', data });

const base = { leadId: 'l1', dealId: 'deal-1', repId: 'rep-a', at: '2026-03-02T09:00:00.000Z' };

const facts = {
  name: 'Fleet telematics upgrade',
  company: 'Nordfrakt AB',
  contactPerson: 'Ingrid Lund',
  source: 'webinar',
  region: 'EMEA',
  team: 'team-nordics',
  tags: ['cognitive_mode:price-first'],
  score: 72,
  estimatedDealSize: { amountMinor: 250_000_00, currency: 'EUR' },
  owner: 'rep-owner',
  capturedAt: '2026-02-20T08:00:00.000Z',
};

const payloadOf = (effects: ReturnType<typeof decideOpenDeal>) =>
  effects.map((effect) => (effect.kind === 'dispatch' ? effect.command.payload : effect));

describe('Lead conversion › opens the deal', () => {
  it('given a conversion with the lead facts, then one OpenOpportunity under the deal id, with source, owner, company, contact, tags, score, capture time', () => {
    const effects = decideOpenDeal(converted({ ...base, ...facts }));
    expect(effects).toEqual([
      {
        kind: 'dispatch',
        command: {
          type: 'opportunity.OpenOpportunity',
          payload: {
            opportunityId: 'deal-1',
            origin: 'lead_conversion',
            lead: {
              leadId: 'l1',
              source: 'webinar',
              contactPerson: 'Ingrid Lund',
              tags: ['cognitive_mode:price-first'],
              score: 72,
              capturedAt: '2026-02-20T08:00:00.000Z',
            },
            name: 'Nordfrakt AB',
            account: 'Nordfrakt AB',
            amount: { amountMinor: 250_000_00, currency: 'EUR' },
            closeDate: null,
            productsOfInterest: [],
            owner: 'rep-owner',
            team: 'team-nordics',
            region: 'EMEA',
            pipelineId: 'default',
          },
        },
      },
    ]);
  });

  it('names the deal after the lead when it has no company', () => {
    expect(payloadOf(decideOpenDeal(converted({ ...base, ...facts, company: null })))[0]).toMatchObject({
      name: 'Fleet telematics upgrade',
      account: null,
    });
  });

  it('given a conversion stored before the facts travelled, then the deal opens with nulls, owned by the rep it names', () => {
    expect(payloadOf(decideOpenDeal(converted(base)))[0]).toEqual({
      opportunityId: 'deal-1',
      origin: 'lead_conversion',
      lead: { leadId: 'l1', source: null, contactPerson: null, tags: [], score: null, capturedAt: null },
      name: 'Lead l1',
      account: null,
      amount: null,
      closeDate: null,
      productsOfInterest: [],
      owner: 'rep-a',
      team: null,
      region: null,
      pipelineId: 'default',
    });
  });

  it('given no owner and no rep, then whoever converted the lead owns the deal', () => {
    expect(payloadOf(decideOpenDeal(converted({ ...base, repId: null })))[0]).toMatchObject({ owner: 'u-1' });
  });

  it('decides the same for the same event (a redelivery dispatches under the same key) and nothing for other events', () => {
    const event = converted({ ...base, ...facts });
    expect(decideOpenDeal(event)).toEqual(decideOpenDeal(event));
    expect(decideOpenDeal(event).every((effect) => effect.kind !== 'dispatch' || effect.options === undefined)).toBe(
      true,
    );
    expect(decideOpenDeal(recordedEvent({ type: 'LeadQualified', stream: 'lead-l1', data: base }))).toEqual([]);
  });

  it('listens to conversions alone, each lead in order', () => {
    const manager = conversionProcessManager();
    expect([manager.name, manager.filter]).toEqual(['opportunity_conversion', { eventTypes: ['LeadConverted'] }]);
    expect(manager.partitionKey?.(converted(base))).toBe('lead-l1');
  });
});
