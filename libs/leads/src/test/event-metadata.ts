import type { EventMetadata } from '#ltc/event-store';

/** Metadata of an event a test writes straight into a store, as a command of the tenant would have. */
export const eventMetadata = (tenantId: string): EventMetadata => ({
  actor: { userId: 'tester', role: 'sales_manager' },
  correlationId: 'corr',
  causationId: 'cause',
  commandId: `cmd-${Math.random().toString(36).slice(2)}`,
  tenantId,
  schemaVersion: 1,
});
