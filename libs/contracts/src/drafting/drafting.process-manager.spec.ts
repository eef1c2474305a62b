import { InMemoryEventStore, type RecordedEvent } from '#ltc/event-store';
import type { ProcessManagerContext } from '#ltc/projections';
import { draftingProcessManager } from './drafting.process-manager.js';

const metadata = {
  tenantId: 'acme',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  commandId: 'cmd-1',
  actor: { userId: 'u-1', role: 'ar' },
  schemaVersion: 1,
};
const at = '2026-03-02T09:00:00.000Z';
const EUR = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/** The deal's events as the opportunities context publishes them (only the fields the facts read). */
const dealEvents = [
  {
    type: 'OpportunityOpened',
    data: {
      opportunityId: 'd1',
      name: 'Fleet',
      account: 'Nordfrakt AB',
      pipelineId: 'default',
      owner: 'ana',
      lead: null,
      at,
    },
  },
  { type: 'TriangleFormed', data: { opportunityId: 'd1', ar: 'ana', sr: 'sam', fr: 'fay', sponsor: null, at } },
  { type: 'OpportunityWon', data: { opportunityId: 'd1', quoteVersion: 2, amount: EUR(900_00), at } },
  { type: 'OpportunityReopened', data: { opportunityId: 'd1', at } },
  { type: 'TriangleMemberChanged', data: { opportunityId: 'd1', seat: 'fr', personId: 'fred', at } },
];

async function dispatched(store: InMemoryEventStore, event: RecordedEvent): Promise<unknown[]> {
  const done: unknown[] = [];
  const ctx: ProcessManagerContext = {
    dispatch: async (command) => void done.push(command),
    schedule: async () => undefined,
    cancel: async () => undefined,
  };
  await draftingProcessManager({ store }).handle(event, ctx);
  return done;
}

describe('Contract drafting › read from the deal as of the win', () => {
  it('drafts with the winning quote and the triangle at the win, though the deal was reopened and changed since', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream(
      'opportunity-d1',
      dealEvents.map((event) => ({ ...event, metadata })),
    );
    const won = (await store.readStream('opportunity-d1')).find((event) => event.type === 'OpportunityWon')!;
    expect(await dispatched(store, won)).toEqual([
      {
        type: 'contract.DraftContract',
        payload: {
          contractId: 'd1',
          dealId: 'd1',
          quoteVersion: 2,
          quoteTotal: EUR(900_00),
          triangle: { ar: 'ana', sr: 'sam', fr: 'fay', sponsor: null },
        },
      },
    ]);
  });
});
