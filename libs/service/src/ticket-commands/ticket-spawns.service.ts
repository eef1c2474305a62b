import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { commandIdFromKey } from '#ltc/commanding';
import { DomainError } from '#ltc/kernel';
import { CommandRegistry, commandIdOf, createdIds, type CommandResponse, type RequestContext } from '#ltc/platform';
import { actorOf } from './ticket-audience.js';
import { TicketCommands } from './ticket-commands.service.js';

/** What a service engineer writes about the sales need they found. */
export interface LeadNeed {
  readonly name: string;
  readonly company: string | null;
  readonly contactPerson: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly notes: string | null;
}

/** The fields given: the capture path takes an absent field, not a null. */
const given = (need: LeadNeed): Record<string, string> =>
  Object.fromEntries(Object.entries(need).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

/** The answer of a reopen: the ticket itself reopened (200), or a new ticket that continues it (201). */
export interface ReopenAnswer {
  readonly followUp: boolean;
  readonly response: CommandResponse;
}

/**
 * What a ticket starts beyond itself: a lead in sales (through the leads context's capture path,
 * as `lead.CaptureLeadFromTicket`) and a follow-up ticket past the reopen window, each linked back
 * on the ticket. Every step is keyed by the request's command id, so a retry finds the same lead
 * and the same follow-up instead of making new ones.
 */
@Injectable()
export class TicketSpawns {
  constructor(
    @Inject(TicketCommands) private readonly commands: TicketCommands,
    @Inject(CommandRegistry) private readonly registry: CommandRegistry,
  ) {}

  async spawnLead(
    ctx: RequestContext,
    reply: FastifyReply,
    ticketId: string,
    need: LeadNeed,
  ): Promise<CommandResponse & { readonly leadId: string }> {
    const { ticket } = await this.commands.read(ctx, ticketId);
    const commandId = commandIdOf(ctx);
    const captured = (await this.registry.request(
      'lead.CaptureLeadFromTicket',
      { ...given({ ...need, company: need.company ?? ticket.customer.account }), ticketId },
      {
        idempotencyKey: `${commandId}/lead`,
        actor: ctx.actor,
        tenantId: ctx.tenantId,
        correlationId: ctx.correlationId,
        causationId: commandId,
      },
    )) as { readonly leadId: string };
    const linked = await this.commands.answer(
      ctx,
      reply,
      { type: 'LinkSpawnedLead', ticketId, actor: actorOf(ctx), leadId: captured.leadId },
      commandId,
    );
    return { ...linked, leadId: captured.leadId };
  }

  /** Reopens within the window; past it, opens a new ticket for the same customer that continues this one. */
  async reopen(ctx: RequestContext, reply: FastifyReply, ticketId: string, reason: string): Promise<ReopenAnswer> {
    try {
      const response = await this.commands.answer(ctx, reply, {
        type: 'ReopenTicket',
        ticketId,
        actor: actorOf(ctx),
        reason,
      });
      return { followUp: false, response };
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'REOPEN_WINDOW_PASSED')) throw error;
    }
    const { ticket } = await this.commands.read(ctx, ticketId);
    const ids = createdIds(ctx);
    const response = await this.commands.accept(
      ctx,
      reply,
      { ticketId: ids.id, commandId: ids.commandId },
      {
        channel: ticket.channel,
        customerAccount: ticket.customer.account,
        contractId: ticket.customer.contractId,
        contact: ticket.contact,
        product: ticket.product,
        category: ticket.category,
        subject: ticket.subject,
        description: reason,
        grading: { priority: ticket.grading.priority, impact: null, urgency: null },
        followUpOf: ticketId,
      },
    );
    // Its own command id: a command id is what makes a retry on a stream a replay.
    const linkId = commandIdFromKey(ctx.tenantId, ctx.caller.userId, `${ids.commandId}/follow-up`);
    await this.commands.execute(
      ctx,
      { type: 'LinkFollowUpTicket', ticketId, actor: actorOf(ctx), followUpTicketId: ids.id },
      linkId,
    );
    return { followUp: true, response };
  }
}
