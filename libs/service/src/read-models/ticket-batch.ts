import type { RecordedEvent } from '#ltc/event-store';
import { parseTicketEvent } from '../domain/ticket-event.js';
import type { TicketEvent } from '../domain/ticket.events.js';

/** A ticket event of a batch, with the tenant its metadata names and the record it came in. */
export interface ParsedTicketEvent {
  readonly tenantId: string;
  readonly recorded: RecordedEvent;
  readonly event: TicketEvent;
}

/** The batch's ticket events, in log order; events of other types are left out. */
export function parsedTicketEvents(
  events: readonly RecordedEvent[],
  parse: typeof parseTicketEvent = parseTicketEvent,
): ParsedTicketEvent[] {
  return events.flatMap((recorded) => {
    const event = parse(recorded);
    return event ? [{ tenantId: recorded.metadata.tenantId, recorded, event }] : [];
  });
}

/** One key per ticket across tenants (ticket ids are unique within a tenant only). */
export const ticketKey = (tenantId: string, ticketId: string): string => `${tenantId}\u0000${ticketId}`;

/** The tickets a batch touches, per tenant, each once. */
export function ticketIdsByTenant(parsed: readonly ParsedTicketEvent[]): Map<string, string[]> {
  const byTenant = new Map<string, Set<string>>();
  for (const { tenantId, event } of parsed) {
    const ids = byTenant.get(tenantId) ?? new Set<string>();
    ids.add(event.data.ticketId);
    byTenant.set(tenantId, ids);
  }
  return new Map([...byTenant].map(([tenantId, ids]) => [tenantId, [...ids]]));
}
