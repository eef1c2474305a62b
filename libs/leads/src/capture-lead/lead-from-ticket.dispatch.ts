import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { DispatchContext } from '#ltc/commanding';
import { InvalidInputError } from '#ltc/kernel';
import {
  CommandRegistry,
  ValidationFailedException,
  createValidationPipe,
  isRole,
  type RequestContext,
} from '#ltc/platform';
import type {
  CaptureLeadFromTicketPayload,
  CaptureLeadFromTicketResult,
  CaptureLeadFromTicketType,
} from '../domain/lead-from-ticket.js';
import { CaptureLeadDto } from './capture-lead.dto.js';
import { LeadCapture } from './lead-capture.service.js';

/** The dispatch type of the command (see `CaptureLeadFromTicketType`). */
export const CAPTURE_LEAD_FROM_TICKET: CaptureLeadFromTicketType = 'lead.CaptureLeadFromTicket';

const PROFILE_FIELDS = [
  'name',
  'company',
  'contactPerson',
  'email',
  'phone',
  'notes',
  'region',
] as const satisfies readonly Exclude<keyof CaptureLeadFromTicketPayload, 'ticketId'>[];
const PAYLOAD_FIELDS = new Set<string>(['ticketId', ...PROFILE_FIELDS]);
/** Ticket ids are stream ids: printable, without spaces. */
const TICKET_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * Raises a lead from a service ticket ("a sales need found in service") through the capture
 * of `POST /leads`: the same validation, duplicate detection, scoring and routing, with source
 * `service` and the ticket on LeadCaptured. Registered as a dispatch route, so the service
 * context sends it through the CommandRegistry and never imports the leads' services.
 */
@Injectable()
export class LeadFromTicketDispatch implements OnModuleInit {
  private readonly validation = createValidationPipe();

  constructor(
    @Inject(CommandRegistry) private readonly registry: CommandRegistry,
    @Inject(LeadCapture) private readonly leads: LeadCapture,
  ) {}

  onModuleInit(): void {
    this.registry.register(CAPTURE_LEAD_FROM_TICKET, (payload, context) => this.capture(payload, context));
  }

  async capture(
    payload: Readonly<Record<string, unknown>>,
    context: DispatchContext,
  ): Promise<CaptureLeadFromTicketResult> {
    const ticketId = ticketIdOf(payload);
    const body = await this.bodyOf(payload);
    // A duplicate contact becomes a touch on the lead that has it: refusing would lose the engineer's finding.
    body.onDuplicate = 'touch';
    const result = await this.leads.capture(requestContextOf(context, payload), body, {
      raisedFromTicket: ticketId,
      causationId: context.causationId,
    });
    return { leadId: result.leadId, duplicate: result.kind === 'touched' };
  }

  /** The payload as a `POST /leads` body with source `service`, validated by the same rules (400 naming the field). */
  private async bodyOf(payload: Readonly<Record<string, unknown>>): Promise<CaptureLeadDto> {
    const unknown = Object.keys(payload).find((field) => !PAYLOAD_FIELDS.has(field));
    if (unknown !== undefined) throw new InvalidInputError(unknown, 'unknownField', `${unknown} is not a known field`);
    const input: Record<string, unknown> = { source: 'service' };
    for (const field of PROFILE_FIELDS) if (field in payload) input[field] = payload[field];
    try {
      return (await this.validation.transform(input, { type: 'body', metatype: CaptureLeadDto })) as CaptureLeadDto;
    } catch (error) {
      const first = error instanceof ValidationFailedException ? error.fieldErrors[0] : undefined;
      if (first) throw new InvalidInputError(first.field, first.rule, first.message);
      throw error;
    }
  }
}

function ticketIdOf(payload: Readonly<Record<string, unknown>>): string {
  const ticketId = payload['ticketId'];
  if (ticketId === undefined || ticketId === null) {
    throw new InvalidInputError('ticketId', 'required', 'ticketId is required: the ticket the lead is raised from');
  }
  if (typeof ticketId !== 'string' || !TICKET_ID.test(ticketId)) {
    throw new InvalidInputError('ticketId', 'ticketId', 'ticketId must be a ticket id (1–128 printable characters)');
  }
  return ticketId;
}

/**
 * The dispatch context as the capture's request context: the sender's idempotency key makes the
 * lead id, so a retry lands on the same lead; the payload is what a reused key is compared with.
 */
function requestContextOf(context: DispatchContext, payload: Readonly<Record<string, unknown>>): RequestContext {
  return {
    caller: {
      userId: context.actor.userId,
      roles: isRole(context.actor.role) ? [context.actor.role] : [],
      tenantId: context.tenantId,
    },
    actor: context.actor,
    tenantId: context.tenantId,
    correlationId: context.correlationId,
    idempotencyKey: context.idempotencyKey,
    expectedRevision: undefined,
    body: payload,
  };
}
