import { recordedEvent } from '../../../projections/test/recorded-event.js';
import type { WonDealFacts } from '../won-deal/won-deal-facts.js';
import { decideDrafting } from './drafting.decide.js';
import { draftingProcessManager } from './drafting.process-manager.js';

const facts: WonDealFacts = {
  dealId: 'deal-1',
  name: 'Fleet telematics upgrade',
  account: 'Nordfrakt AB',
  pipelineId: 'default',
  leadId: 'l1',
  source: 'webinar',
  quoteVersion: 2,
  quoteTotal: { amountMinor: 120_000_00, currency: 'EUR' },
  triangle: { ar: 'ar-1', sr: 'sr-1', fr: 'fr-1', sponsor: null },
  wonAt: '2026-03-02T09:00:00.000Z',
  openedAt: '2026-03-01T09:00:00.000Z',
};

const won = recordedEvent({ type: 'OpportunityWon', stream: 'opportunity-deal-1', data: { opportunityId: 'deal-1' } });
const handedOver = recordedEvent({
  type: 'ContractHandedOver',
  stream: 'contract-deal-1',
  data: { contractId: 'deal-1', dealId: 'deal-1', from: 'ar-1', to: 'fr-1' },
});

describe('Contract drafting › a won deal drafts its contract', () => {
  it('given a win with its facts, then one DraftContract under the deal id with the winning quote and the triangle', () => {
    expect(decideDrafting(won, facts)).toEqual([
      {
        kind: 'dispatch',
        command: {
          type: 'contract.DraftContract',
          payload: {
            contractId: 'deal-1',
            dealId: 'deal-1',
            quoteVersion: 2,
            quoteTotal: { amountMinor: 120_000_00, currency: 'EUR' },
            triangle: { ar: 'ar-1', sr: 'sr-1', fr: 'fr-1', sponsor: null },
          },
        },
      },
    ]);
  });

  it('given a deal not won as of the event, then nothing is drafted', () => {
    expect(decideDrafting(won, null)).toEqual([]);
  });

  it('decides the same for the same event, keyed by the event (no explicit key), so a replay drafts once', () => {
    expect(decideDrafting(won, facts)).toEqual(decideDrafting(won, facts));
    expect(decideDrafting(won, facts).every((e) => e.kind !== 'dispatch' || e.options === undefined)).toBe(true);
  });
});

describe('Contract drafting › a handed-over contract passes the lead to the FR', () => {
  it('given ContractHandedOver, then HandOffToFulfilment to its FR on the deal', () => {
    expect(decideDrafting(handedOver, null)).toEqual([
      {
        kind: 'dispatch',
        command: { type: 'opportunity.HandOffToFulfilment', payload: { opportunityId: 'deal-1', to: 'fr-1' } },
      },
    ]);
  });

  it('ignores other events', () => {
    expect(decideDrafting(recordedEvent({ type: 'ContractSigned', stream: 'contract-deal-1' }), facts)).toEqual([]);
  });
});

describe('Contract drafting › the manager', () => {
  it('listens to wins and handovers, each deal in order whichever stream the event is on', () => {
    const manager = draftingProcessManager({ store: {} as never });
    expect([manager.name, manager.filter]).toEqual([
      'contract_drafting',
      { eventTypes: ['OpportunityWon', 'ContractHandedOver'] },
    ]);
    expect([manager.partitionKey?.(won), manager.partitionKey?.(handedOver)]).toEqual(['deal-1', 'deal-1']);
  });
});
