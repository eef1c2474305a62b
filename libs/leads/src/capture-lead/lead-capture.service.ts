import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, InvalidInputError } from '#ltc/kernel';
import type { ReadModelHandle } from '#ltc/projections';
import { entityIdFromCommandId, type CommandOutcome } from '#ltc/commanding';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { READ_MODEL_DB, commandIdOf, envelopeFrom, type RequestContext } from '#ltc/platform';
import type { RepDirectory } from '../distribution/rep-directory.port.js';
import { OrgTablesRepDirectory } from '../routing/org-tables-rep-directory.js';
import type { CaptureLead } from '../domain/lead.commands.js';
import { leadStream } from '../lead-stream.js';
import { LeadCommandMessage } from '../lead-commands/lead-command.message.js';
import { LeadCommands } from '../lead-commands/lead-commands.service.js';
import type { CaptureLeadDto } from './capture-lead.dto.js';
import { ContactIndex, contactKeys } from './contact-index.js';

export type CaptureResult =
  | { readonly kind: 'created' | 'replayed'; readonly leadId: string; readonly outcome: CommandOutcome }
  | { readonly kind: 'touched'; readonly leadId: string; readonly outcome: CommandOutcome };

/** Captures a lead once per contact: duplicates are refused, or recorded as a touch on the existing lead. */
@Injectable()
export class LeadCapture {
  private readonly contacts: ContactIndex;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(LeadCommands) private readonly commands: LeadCommands,
    @Inject(READ_MODEL_DB) readModels: ReadModelHandle,
  ) {
    this.contacts = new ContactIndex(store);
    this.teams = new OrgTablesRepDirectory(readModels.db);
  }

  private readonly teams: Pick<RepDirectory, 'teamExists'>;

  async capture(ctx: RequestContext, body: CaptureLeadDto): Promise<CaptureResult> {
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
      estimatedDealSize: body.estimatedDealSize ?? null,
      notes: body.notes ?? null,
      direction: body.direction ?? (body.source === 'sales_generated' ? 'outbound' : 'inbound'),
      ...(body.team ? { team: body.team } : {}),
    };
    if (body.team && !(await this.teams.teamExists(ctx.tenantId, body.team))) {
      throw new InvalidInputError('team', 'exists', `team ${body.team} is not a team of this tenant`);
    }
    const keys = contactKeys(command.contact);
    // Read-only first, so a refused duplicate writes nothing at all.
    for (const key of keys) {
      const holder = await this.contacts.holder(ctx.tenantId, key);
      if (holder && holder !== leadId) return this.duplicate(ctx, body, holder, key.kind);
    }
    const metadata = {
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      causationId: commandId,
      commandId,
      tenantId: ctx.tenantId,
      schemaVersion: 1,
    };
    for (const key of keys) {
      const reservation = await this.contacts.reserve(ctx.tenantId, key, leadId, metadata);
      if (!reservation.reserved) return this.duplicate(ctx, body, reservation.existingLeadId, key.kind);
    }
    const outcome = await this.commands.runEnvelope(
      new LeadCommandMessage(envelopeFrom(ctx, { command, stream: leadStream(leadId), commandId })),
    );
    return { kind: outcome.replayed ? 'replayed' : 'created', leadId, outcome };
  }

  private async duplicate(
    ctx: RequestContext,
    body: CaptureLeadDto,
    existingLeadId: string,
    kind: 'email' | 'phone',
  ): Promise<CaptureResult> {
    if (body.onDuplicate !== 'touch') {
      throw new DomainError('LEAD_DUPLICATE', `A lead with this ${kind} already exists: ${existingLeadId}`, {
        existingLeadId,
        matchedOn: kind,
      });
    }
    const outcome = await this.commands.run(ctx, {
      type: 'RecordLeadTouch',
      leadId: existingLeadId,
      source: body.source,
      note: body.notes ?? null,
    });
    return { kind: 'touched', leadId: existingLeadId, outcome };
  }
}
