import type { RecordedEvent } from '#ltc/event-store';
import { dealTriangle, wonDealFacts } from './won-deal-facts.js';

let revision = 0n;
const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  id: `e${revision}`,
  stream: 'opportunity-d1',
  revision,
  position: revision++,
  type,
  data,
  metadata: { tenantId: 'acme' } as RecordedEvent['metadata'],
  recordedAt: new Date('2026-03-02T09:00:00Z'),
});

const opened = recorded('OpportunityOpened', {
  opportunityId: 'd1',
  name: 'Fleet telematics',
  account: 'Nordfrakt AB',
  pipelineId: 'default',
  owner: 'ingrid',
  lead: { leadId: 'd1', source: 'webinar' },
  at: '2026-03-02T09:00:00.000Z',
});
const formed = recorded('TriangleFormed', { ar: 'ingrid', sr: 'sven', fr: null, sponsor: 'maria' });
const frNamed = recorded('TriangleMemberChanged', { seat: 'fr', personId: 'fia' });
const won = recorded('OpportunityWon', {
  quoteVersion: 2,
  amount: { amountMinor: 3_200_000, currency: 'EUR' },
  at: '2026-04-01T10:00:00.000Z',
});

describe('the facts a contract takes over from its deal', () => {
  it('folds the won deal: its quote, its total and the triangle as the last change left it', () => {
    expect(wonDealFacts([opened, formed, frNamed, won])).toMatchObject({
      dealId: 'd1',
      leadId: 'd1',
      source: 'webinar',
      quoteVersion: 2,
      quoteTotal: { amountMinor: 3_200_000, currency: 'EUR' },
      triangle: { ar: 'ingrid', sr: 'sven', fr: 'fia', sponsor: 'maria' },
      wonAt: '2026-04-01T10:00:00.000Z',
    });
  });

  it('has no facts for a deal still open or reopened after its win, but still its triangle', () => {
    const reopened = recorded('OpportunityReopened', { reason: 'Wrong entity' });
    expect(wonDealFacts([opened, formed])).toBeNull();
    expect(wonDealFacts([opened, formed, won, reopened])).toBeNull();
    expect(dealTriangle([opened, formed])).toEqual({ ar: 'ingrid', sr: 'sven', fr: null, sponsor: 'maria' });
    expect(dealTriangle([opened])).toEqual({ ar: 'ingrid', sr: null, fr: null, sponsor: null });
    expect(dealTriangle([])).toBeNull();
  });
});
