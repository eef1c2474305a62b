import { InMemoryEventStore, type RecordedEvent } from '#ltc/event-store';
import type { ProcessManagerContext } from '#ltc/projections';
import {
  DEAL,
  NOW,
  PIPELINE,
  handoff,
  historyOf,
  manager,
  open,
  sr,
  triangle,
} from '../../test/opportunity-decider.support.js';
import type { OpportunityCommand } from '../domain/opportunity.commands.js';
import { handoffTimersProcessManager } from './handoff-timers.process-manager.js';

const base = { opportunityId: DEAL, actor: sr, now: NOW };
const lose: OpportunityCommand = {
  ...base,
  type: 'LoseOpportunity',
  reasonCode: 'price',
  competitor: null,
  note: null,
  pipeline: PIPELINE,
};
const reopen: OpportunityCommand = {
  ...base,
  actor: manager,
  type: 'ReopenOpportunity',
  reason: 'back',
  pipeline: PIPELINE,
};
const accept: OpportunityCommand = { ...base, type: 'AcceptHandoff', handoffId: 'h1' };

const metadata = {
  tenantId: 'acme',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  commandId: 'cmd-1',
  actor: { userId: 'u-1', role: 'ar' },
  schemaVersion: 1,
};

/** What the manager does for one event, as effects recorded in order. */
async function effectsOf(store: InMemoryEventStore, event: RecordedEvent): Promise<string[]> {
  const done: string[] = [];
  const ctx: ProcessManagerContext = {
    dispatch: async (command) => void done.push(`dispatch ${command.type}`),
    schedule: async (timer) => void done.push(`schedule ${timer.timerId}`),
    cancel: async (timerId) => void done.push(`cancel ${timerId}`),
  };
  await handoffTimersProcessManager({ store }).handle(event, ctx);
  return done;
}

describe('Handoff timers › a deal that closes', () => {
  it('cancels the timers of the handoffs pending when it was lost, as of that event (a later answer does not change it)', async () => {
    const store = new InMemoryEventStore();
    const history = historyOf(open, triangle, handoff(sr.id, 'h1'), lose, reopen, accept);
    await store.appendToStream(
      `opportunity-${DEAL}`,
      history.map((event) => ({ type: event.type, data: event.data, metadata })),
    );
    const recorded = await store.readStream(`opportunity-${DEAL}`);
    const lost = recorded.find((event) => event.type === 'OpportunityLost');
    expect(recorded.at(-1)?.type).toBe('HandoffAccepted');
    expect(await effectsOf(store, lost!)).toEqual(['cancel handoff-overdue-h1-1', 'cancel handoff-overdue-h1-2']);
    const reopened = recorded.find((event) => event.type === 'OpportunityReopened');
    expect(await effectsOf(store, reopened!)).toEqual([]);
  });
});
