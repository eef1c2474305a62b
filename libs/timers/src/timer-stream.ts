import { streamName, type EventFilter } from '#ltc/event-store';
import { TimerEventType } from './domain/timer.events.js';

/** Every timer's events, and nothing else. */
export const TIMER_EVENTS_FILTER: EventFilter = {
  streamPrefixes: ['timer-'],
  eventTypes: Object.values(TimerEventType),
};

/** `timer-<timerId>`: one stream per timer, so its expected revision guards fire versus cancel. */
export function timerStream(timerId: string): string {
  return streamName('timer', timerId);
}
