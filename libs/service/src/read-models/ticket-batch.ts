import type { RecordedEvent } from '#ltc/event-store';
import type { TicketEvent } from '../domain/ticket.events.js';

/** What a ticket read model folds: a ticket event, or another fact about one ticket (its contact erased). */
export interface AboutOneTicket {
  readonly type: string;
  readonly data: { readonly ticketId: string };
}

/** A ticket event of a batch, with the tenant its metadata names and the record it came in. */
export interface ParsedTicketEvent<Event extends AboutOneTicket = TicketEvent> {
  readonly tenantId: string;
  readonly recorded: RecordedEvent;
  readonly event: Event;
}

/** The batch's events `parse` knows (ticket events: `parseTicketEvent`), in log order; others are left out. */
export function parsedTicketEvents<Event extends AboutOneTicket>(
  events: readonly RecordedEvent[],
  parse: (recorded: RecordedEvent) => Event | undefined,
): ParsedTicketEvent<Event>[] {
  return events.flatMap((recorded) => {
    const event = parse(recorded);
    return event ? [{ tenantId: recorded.metadata.tenantId, recorded, event }] : [];
  });
}

/** One key per ticket across tenants (ticket ids are unique within a tenant only). */
export const ticketKey = (tenantId: string, ticketId: string): string => `${tenantId}\u0000${ticketId}`;

/** The tickets a batch touches, per tenant, each once. */
export function ticketIdsByTenant(parsed: readonly ParsedTicketEvent<AboutOneTicket>[]): Map<string, string[]> {
  const byTenant = new Map<string, Set<string>>();
  for (const { tenantId, event } of parsed) {
    const ids = byTenant.get(tenantId) ?? new Set<string>();
    ids.add(event.data.ticketId);
    byTenant.set(tenantId, ids);
  }
  return new Map([...byTenant].map(([tenantId, ids]) => [tenantId, [...ids]]));
}
