import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, InvalidInputError } from '#ltc/kernel';
import { entityIdFromCommandId, type CommandOutcome } from '#ltc/commanding';
import type { EventMetadata } from '#ltc/event-store';
import { SALES_TEAMS, commandIdOf, envelopeFrom, type RequestContext, type SalesTeams } from '#ltc/platform';
import type { CaptureLead } from '../domain/lead.commands.js';
import { leadStream } from '../lead-stream.js';
import { LeadCommandMessage } from '../lead-commands/lead-command.message.js';
import { LeadCommands } from '../lead-commands/lead-commands.service.js';
import { dealSizeFrom } from '../deal-size.dto.js';
import type { CaptureLeadDto } from './capture-lead.dto.js';
import { ContactIndex, contactKeys, type ContactKey } from './contact-index.js';

export type CaptureResult =
  | { readonly kind: 'created' | 'replayed'; readonly leadId: string; readonly outcome: CommandOutcome }
  | { readonly kind: 'touched'; readonly leadId: string; readonly outcome: CommandOutcome };

/** Where a capture comes from besides its body; every part is optional. */
export interface CaptureOrigin {
  /** The import request this capture is a row of (its leads share one notification). */
  readonly importBatchId?: string;
  /** The service ticket whose engineer found the need; a duplicate's touch names it too. */
  readonly raisedFromTicket?: string;
  /** The event or timer that caused a capture sent by another context (default: the command itself). */
  readonly causationId?: string;
}

/** A contact of the capture is held by another lead: a duplicate, answered as 409 or as a touch. */
class ContactTaken extends Error {
  constructor(
    readonly existingLeadId: string,
    readonly kind: ContactKey['kind'],
  ) {
    super(`The ${kind} is held by lead ${existingLeadId}`);
  }
}

/** Captures a lead once per contact: duplicates are refused, or recorded as a touch on the existing lead. */
@Injectable()
export class LeadCapture {
  constructor(
    @Inject(ContactIndex) private readonly contacts: ContactIndex,
    @Inject(LeadCommands) private readonly commands: LeadCommands,
    @Inject(SALES_TEAMS) private readonly teams: SalesTeams,
  ) {}

  async capture(ctx: RequestContext, body: CaptureLeadDto, origin: CaptureOrigin = {}): Promise<CaptureResult> {
    const { importBatchId, raisedFromTicket } = origin;
    const commandId = commandIdOf(ctx);
    // With an idempotency key the id is derived from it, so a retry lands on the same stream.
    const leadId = ctx.idempotencyKey ? entityIdFromCommandId(commandId) : randomUUID();
    const command: Omit<CaptureLead, 'now'> = {
      type: 'CaptureLead',
      leadId,
      name: body.name,
      company: body.company ?? null,
      contact: {
        person: body.contactPerson ?? null,
        email: body.email?.toLowerCase() ?? null,
        phone: body.phone ?? null,
      },
      source: body.source,
      region: body.region ?? null,
      language: body.language ?? null,
      industry: body.industry ?? null,
      estimatedDealSize: dealSizeFrom(body) ?? null,
      notes: body.notes ?? null,
      direction: body.direction ?? (body.source === 'sales_generated' ? 'outbound' : 'inbound'),
      ...(body.team ? { team: body.team } : {}),
      ...(importBatchId ? { importBatchId } : {}),
      ...(raisedFromTicket ? { raisedFromTicket } : {}),
    };
    if (body.team && !(await this.teams.exists(ctx.tenantId, body.team))) {
      throw new InvalidInputError('team', 'exists', `team ${body.team} is not a team of this tenant`);
    }
    const keys = contactKeys(command.contact);
    const causationId = origin.causationId ?? commandId;
    const envelope = { ...envelopeFrom(ctx, { command, stream: leadStream(leadId), commandId }), causationId };
    const metadata = {
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      causationId,
      commandId,
      tenantId: ctx.tenantId,
      schemaVersion: 1,
    };
    try {
      const outcome = await this.contacts.exclusive(ctx.tenantId, keys, () =>
        this.commands.runEnvelope(
          new LeadCommandMessage({
            ...envelope,
            // Reserved only once the command is known to be new and valid (replays, reused keys and
            // invalid captures are answered before), so a refused capture reserves nothing.
            beforeAppend: () => this.reserve(ctx.tenantId, keys, leadId, metadata),
          }),
        ),
      );
      return { kind: outcome.replayed ? 'replayed' : 'created', leadId, outcome };
    } catch (error) {
      if (error instanceof ContactTaken) return this.duplicate(ctx, body, origin, error.existingLeadId, error.kind);
      if (error instanceof DomainError && error.code === 'LEAD_CAPTURE_SUPERSEDED') {
        // Another capture voided this lead to take its contact over: answer as a duplicate of that one once it exists.
        const holder = await this.firstHolder(ctx.tenantId, keys, leadId);
        if (holder) return this.duplicate(ctx, body, origin, holder.leadId, holder.kind);
      }
      throw error;
    }
  }

  /** Every contact is checked read-only first, so a duplicate writes nothing; then each is reserved. */
  private async reserve(
    tenantId: string,
    keys: readonly ContactKey[],
    leadId: string,
    metadata: EventMetadata,
  ): Promise<void> {
    const holder = await this.firstHolder(tenantId, keys, leadId);
    if (holder) throw new ContactTaken(holder.leadId, holder.kind);
    for (const key of keys) {
      const reservation = await this.contacts.reserve(tenantId, key, leadId, metadata);
      if (!reservation.reserved) throw new ContactTaken(reservation.existingLeadId, key.kind);
    }
  }

  private async firstHolder(
    tenantId: string,
    keys: readonly ContactKey[],
    self: string,
  ): Promise<{ leadId: string; kind: ContactKey['kind'] } | undefined> {
    for (const key of keys) {
      const leadId = await this.contacts.holder(tenantId, key, self);
      if (leadId) return { leadId, kind: key.kind };
    }
    return undefined;
  }

  private async duplicate(
    ctx: RequestContext,
    body: CaptureLeadDto,
    { raisedFromTicket }: CaptureOrigin,
    existingLeadId: string,
    kind: 'email' | 'phone',
  ): Promise<CaptureResult> {
    if (body.onDuplicate !== 'touch') {
      throw new DomainError('LEAD_DUPLICATE', `A lead with this ${kind} already exists: ${existingLeadId}`, {
        existingLeadId,
        matchedOn: kind,
      });
    }
    // The capture found this lead by its contact, so the touch is recorded whoever may see the lead.
    const outcome = await this.commands.run(
      ctx,
      {
        type: 'RecordLeadTouch',
        leadId: existingLeadId,
        source: body.source,
        note: body.notes ?? null,
        ...(raisedFromTicket ? { raisedFromTicket } : {}),
      },
      'chosen-by-engine',
    );
    return { kind: 'touched', leadId: existingLeadId, outcome };
  }
}
