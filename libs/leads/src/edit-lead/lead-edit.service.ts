import { Inject, Injectable } from '@nestjs/common';
import { ConcurrentModificationError, StaleRevisionError, type CommandOutcome } from '#ltc/commanding';
import type { EventMetadata } from '#ltc/event-store';
import { DomainError, type DomainEvent } from '#ltc/kernel';
import { envelopeFrom, type RequestContext } from '#ltc/platform';
import { ContactIndex, contactKeys, type ContactKey } from '../capture-lead/contact-index.js';
import { dealSizeFrom } from '../deal-size.dto.js';
import type { LeadContactChanged } from '../domain/lead-changes.events.js';
import type { EditLead } from '../domain/lead.commands.js';
import { LeadCommands } from '../lead-commands/lead-commands.service.js';
import { leadStream } from '../lead-stream.js';
import type { EditLeadDto } from './edit-lead.dto.js';

/** A contact change as keys: what the lead holds now, what it asks for, and what it gives up. */
interface ContactMove {
  readonly claim: readonly ContactKey[];
  readonly release: readonly ContactKey[];
}

/**
 * Edits a lead. A new email or phone is reserved for the lead before `LeadContactChanged`
 * is stored (409 LEAD_DUPLICATE when another lead holds it, and nothing written), and the
 * old one is released after (ADR 0008).
 */
@Injectable()
export class LeadEdit {
  constructor(
    @Inject(ContactIndex) private readonly contacts: ContactIndex,
    @Inject(LeadCommands) private readonly commands: LeadCommands,
  ) {}

  async edit(ctx: RequestContext, leadId: string, body: EditLeadDto): Promise<CommandOutcome> {
    const command: Omit<EditLead, 'now'> = {
      type: 'EditLead',
      leadId,
      details: detailsFrom(body),
      contact: contactFrom(body),
    };
    const requested = contactKeys({ email: command.contact.email ?? null, phone: command.contact.phone ?? null });
    const envelope = envelopeFrom(ctx, {
      command,
      stream: leadStream(leadId),
      mustExist: { entity: 'Lead', id: leadId },
    });
    const metadata: EventMetadata = {
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      causationId: envelope.commandId,
      commandId: envelope.commandId,
      tenantId: ctx.tenantId,
      schemaVersion: 1,
    };
    let claimed: readonly ContactKey[] = [];
    try {
      const outcome = await this.contacts.exclusive(ctx.tenantId, requested, () =>
        this.commands.runFor(ctx, {
          ...envelope,
          beforeAppend: async (events) => {
            claimed = await this.claim(ctx.tenantId, leadId, moveOf(events).claim, metadata);
          },
        }),
      );
      // Also on a replayed retry: a release the first attempt did not get to is done now.
      for (const key of moveOf(outcome.events).release)
        await this.contacts.release(ctx.tenantId, key, leadId, metadata);
      return outcome;
    } catch (error) {
      // Known not written: give back what this attempt reserved, or the lead would block a contact it never had.
      if (isRefusal(error)) {
        for (const key of claimed) await this.contacts.release(ctx.tenantId, key, leadId, metadata);
      }
      throw error;
    }
  }

  private async claim(
    tenantId: string,
    leadId: string,
    keys: readonly ContactKey[],
    metadata: EventMetadata,
  ): Promise<readonly ContactKey[]> {
    for (const key of keys) {
      const holder = await this.contacts.holder(tenantId, key, leadId);
      if (holder) throw duplicate(holder, key.kind);
    }
    const claimed: ContactKey[] = [];
    for (const key of keys) {
      const reservation = await this.contacts.reserve(tenantId, key, leadId, metadata);
      if (!reservation.reserved) {
        for (const taken of claimed) await this.contacts.release(tenantId, taken, leadId, metadata);
        throw duplicate(reservation.existingLeadId, key.kind);
      }
      claimed.push(key);
    }
    return claimed;
  }
}

function duplicate(existingLeadId: string, kind: ContactKey['kind']): DomainError {
  return new DomainError('LEAD_DUPLICATE', `A lead with this ${kind} already exists: ${existingLeadId}`, {
    existingLeadId,
    matchedOn: kind,
  });
}

function isRefusal(error: unknown): boolean {
  return (
    error instanceof DomainError || error instanceof StaleRevisionError || error instanceof ConcurrentModificationError
  );
}

/** The keys a decided (or replayed) `LeadContactChanged` claims and releases; a key in both stays. */
function moveOf(events: readonly Pick<DomainEvent, 'type' | 'data'>[]): ContactMove {
  const change = events.find((e): e is LeadContactChanged => e.type === 'LeadContactChanged');
  if (!change) return { claim: [], release: [] };
  const keysOf = (side: 'before' | 'after') =>
    contactKeys({ email: change.data.email?.[side] ?? null, phone: change.data.phone?.[side] ?? null });
  const same = (a: ContactKey, b: ContactKey) => a.kind === b.kind && a.value === b.value;
  const after = keysOf('after');
  const before = keysOf('before');
  return {
    claim: after.filter((key) => !before.some((old) => same(old, key))),
    release: before.filter((key) => !after.some((next) => same(next, key))),
  };
}

function detailsFrom(body: EditLeadDto): EditLead['details'] {
  const dealSize = dealSizeFrom(body);
  const details: Record<string, unknown> = {
    name: body.name,
    company: body.company,
    contactPerson: body.contactPerson,
    region: body.region,
    language: body.language,
    industry: body.industry,
    notes: body.notes,
    estimatedDealSize: dealSize,
  };
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
}

function contactFrom(body: EditLeadDto): EditLead['contact'] {
  return {
    ...(body.email !== undefined ? { email: body.email } : {}),
    ...(body.phone !== undefined ? { phone: body.phone } : {}),
  };
}
