import type { RecordedEvent } from '#ltc/event-store';

/**
 * A stored event as a subscriber receives it, for specs of pure decisions that take one
 * (no store needed). Tenant `acme`; everything else may be overridden.
 */
export function recordedEvent(
  event: Pick<RecordedEvent, 'type' | 'stream'> & Partial<Omit<RecordedEvent, 'type' | 'stream'>>,
): RecordedEvent {
  return {
    id: `evt-${event.stream}-${event.type}`,
    revision: 0n,
    position: 1n,
    data: {},
    metadata: {
      tenantId: 'acme',
      correlationId: 'corr-1',
      causationId: 'cause-1',
      commandId: 'cmd-1',
      actor: { userId: 'u-1', role: 'ar' },
      schemaVersion: 1,
    },
    recordedAt: new Date(0),
    ...event,
  };
}
