import { runEffects, type ProcessManagerEffect } from './process-manager-effects.js';
import type { ProcessManagerContext } from './process-manager.js';

describe('runEffects', () => {
  it('carries out each decided effect once, in the order decided', async () => {
    const done: string[] = [];
    const ctx: ProcessManagerContext = {
      dispatch: async (command, options) => void done.push(`dispatch ${command.type} ${options?.key ?? '-'}`),
      schedule: async (timer) => void done.push(`schedule ${timer.timerId}`),
      cancel: async (timerId) => void done.push(`cancel ${timerId}`),
    };
    const effects: ProcessManagerEffect[] = [
      { kind: 'cancel', timerId: 't-1' },
      { kind: 'dispatch', command: { type: 'lead.ScoreLead', payload: {} }, options: { key: 'score' } },
      { kind: 'schedule', timer: { timerId: 't-2', dueAt: new Date(0), command: { type: 'x', payload: {} } } },
      { kind: 'dispatch', command: { type: 'lead.RouteLead', payload: {} } },
    ];
    await runEffects(ctx, effects);
    expect(done).toEqual(['cancel t-1', 'dispatch lead.ScoreLead score', 'schedule t-2', 'dispatch lead.RouteLead -']);
  });
});
