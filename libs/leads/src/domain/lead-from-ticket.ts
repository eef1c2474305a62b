/**
 * The command another context sends to raise a lead from a service ticket ("a sales need found
 * in service"), through the CommandRegistry: `request('lead.CaptureLeadFromTicket', payload, context)`.
 */
export type CaptureLeadFromTicketType = 'lead.CaptureLeadFromTicket';

/** Its payload: the ticket, and what a `POST /leads` body says of the need (validated by the same rules). */
export interface CaptureLeadFromTicketPayload {
  readonly ticketId: string;
  readonly name: string;
  readonly company?: string;
  readonly contactPerson?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly notes?: string;
  readonly region?: string;
}

/**
 * What it answers. `duplicate`: the email or phone already belonged to lead `leadId`, which got a
 * touch naming the ticket instead of a second lead, so the need still reaches whoever works that
 * lead. A retry with the same idempotency key answers the same.
 */
export interface CaptureLeadFromTicketResult {
  readonly leadId: string;
  readonly duplicate: boolean;
}
