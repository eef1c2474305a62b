import type { Opportunity } from '../domain/opportunity.state.js';
import { fulfilmentHandoff } from './fulfilment-handoff.js';

const deal = {
  status: 'won',
  opportunityId: 'deal-1',
  triangle: { ar: 'ar-1', sr: 'sr-1', fr: 'fr-1', sponsor: null },
  leader: 'sr-1',
  handoffs: [],
} as unknown as Opportunity;

const pending = (to: string) =>
  ({ ...deal, handoffs: [{ handoffId: 'h-0', to, status: 'pending' }] }) as unknown as Opportunity;

describe('Fulfilment handoff › a handed-over contract asks the deal to pass its lead to the FR', () => {
  it('given a won deal led by the SR, then a RequestHandoff from the SR to the FR in phase execution', () => {
    expect(fulfilmentHandoff(deal, 'fr-1', 'h-1')).toEqual({
      type: 'RequestHandoff',
      opportunityId: 'deal-1',
      actor: { id: 'sr-1', salesManager: false },
      handoffId: 'h-1',
      to: 'fr-1',
      phase: 'execution',
      notes: expect.any(String),
      openItems: [],
    });
  });

  it('given the FR already leads, then nothing', () => {
    expect(fulfilmentHandoff({ ...deal, leader: 'fr-1' }, 'fr-1', 'h-1')).toBeNull();
  });

  it('given a handoff to the FR pending (or any other pending handoff), then nothing', () => {
    expect(fulfilmentHandoff(pending('fr-1'), 'fr-1', 'h-1')).toBeNull();
    expect(fulfilmentHandoff(pending('ar-1'), 'fr-1', 'h-1')).toBeNull();
  });

  it('given an unknown or lost deal, or an FR outside the triangle, then nothing', () => {
    expect(fulfilmentHandoff({ status: 'none' }, 'fr-1', 'h-1')).toBeNull();
    expect(fulfilmentHandoff({ ...deal, status: 'lost' }, 'fr-1', 'h-1')).toBeNull();
    expect(fulfilmentHandoff(deal, 'fr-9', 'h-1')).toBeNull();
  });
});
