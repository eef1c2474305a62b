import type { RecordedEvent } from '#ltc/event-store';
import type { HistoryContribution } from '#ltc/platform';

interface TimerData {
  readonly dueAt?: string;
  readonly command?: { readonly type?: string };
  readonly failure?: string | null;
}

/** Timers are the engine's own: what each will do (its command), and when. */
export const timerHistory: HistoryContribution = {
  streamKinds: { timer: 'timer' },
  summarize: (event: RecordedEvent) => {
    const data = (event.data ?? {}) as TimerData;
    const command = data.command?.type ?? 'its command';
    switch (event.type) {
      case 'TimerScheduled':
        return `Timer set: ${command} due ${data.dueAt ?? 'later'}`;
      case 'TimerFired':
        return data.failure ? `Timer fired; its command failed: ${data.failure}` : 'Timer fired: its command was sent';
      case 'TimerCancelled':
        return 'Timer cancelled';
      default:
        return undefined;
    }
  },
};
