import type { RecordedEvent } from '#ltc/event-store';
import { recordedEvent } from '../test/recorded-event.js';
import { decidingProcessManager } from './deciding-process-manager.js';
import type { ProcessManagerContext } from './process-manager.js';

const recorded = (type: string) => recordedEvent({ type, stream: 'lead-1', data: { leadId: 'lead-1' } });

/** Records what the runner was asked to do, in order. */
function recordingContext(done: string[]): ProcessManagerContext {
  return {
    dispatch: async (command, options) => void done.push(`dispatch ${command.type} ${options?.key ?? '-'}`),
    schedule: async (timer) => void done.push(`schedule ${timer.timerId}`),
    cancel: async (timerId) => void done.push(`cancel ${timerId}`),
  };
}

describe('A process manager written as load → decide → effects', () => {
  it('keeps the manager’s own members and carries out what the decision returns, in order', async () => {
    const partitionKey = (event: RecordedEvent) => event.stream;
    const manager = decidingProcessManager({
      name: 'lead_follow_up',
      filter: { eventTypes: ['LeadCaptured'] },
      startAt: 'now',
      partitionKey,
      decide: (event) => [
        { kind: 'cancel', timerId: `old-${event.stream}` },
        { kind: 'dispatch', command: { type: 'lead.RouteLead', payload: {} }, options: { key: 'route' } },
      ],
    });
    expect(Object.keys(manager).sort()).toEqual(['filter', 'handle', 'name', 'partitionKey', 'startAt']);
    expect([manager.name, manager.filter, manager.startAt, manager.partitionKey]).toEqual([
      'lead_follow_up',
      { eventTypes: ['LeadCaptured'] },
      'now',
      partitionKey,
    ]);
    const done: string[] = [];
    await manager.handle(recorded('LeadCaptured'), recordingContext(done));
    expect(done).toEqual(['cancel old-lead-1', 'dispatch lead.RouteLead route']);
  });

  it('decides on what load read for the event, and does nothing for an empty decision', async () => {
    const loadedFor: string[] = [];
    const manager = decidingProcessManager({
      name: 'lead_reminder',
      filter: { eventTypes: ['LeadCaptured', 'LeadContacted'] },
      load: async (event) => {
        loadedFor.push(event.id);
        return { open: event.type === 'LeadCaptured' };
      },
      decide: (event, state) =>
        state.open
          ? [
              {
                kind: 'schedule',
                timer: { timerId: `remind-${event.stream}`, dueAt: new Date(0), command: { type: 'x', payload: {} } },
              },
            ]
          : [],
    });
    const done: string[] = [];
    await manager.handle(recorded('LeadCaptured'), recordingContext(done));
    await manager.handle(recorded('LeadContacted'), recordingContext(done));
    expect([loadedFor, done]).toEqual([
      ['evt-lead-1-LeadCaptured', 'evt-lead-1-LeadContacted'],
      ['schedule remind-lead-1'],
    ]);
  });

  it('carries out no effect when loading fails, so the retried event starts over', async () => {
    const manager = decidingProcessManager({
      name: 'lead_reminder',
      filter: { eventTypes: ['LeadCaptured'] },
      load: async (): Promise<number> => {
        throw new Error('store unavailable');
      },
      decide: () => [{ kind: 'cancel', timerId: 't' }],
    });
    const done: string[] = [];
    await expect(manager.handle(recorded('LeadCaptured'), recordingContext(done))).rejects.toThrow('store unavailable');
    expect(done).toEqual([]);
  });
});
