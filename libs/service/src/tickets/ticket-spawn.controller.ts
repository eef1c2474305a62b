import { Body, Inject, Param, Res } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandPost, CommandResponseDto, Ctx, createdIds, type RequestContext } from '#ltc/platform';
import { actorOf } from '../ticket-commands/ticket-audience.js';
import { TicketCommands } from '../ticket-commands/ticket-commands.service.js';
import { TicketSpawns } from '../ticket-commands/ticket-spawns.service.js';
import { TicketCommandController, TicketCreatePost } from './ticket-controller.js';
import { ownerOf } from './ticket-intake.dto.js';
import { TaskParamDto, TicketIdParamDto } from './ticket-params.dto.js';
import { OpenTaskDto, RaiseRequirementDto, SpawnLeadDto } from './ticket-spawn.dto.js';
import { OptionalNoteDto } from './ticket-text.dto.js';

type Reply = FastifyReply;

export class LeadSpawnedView extends CommandResponseDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The lead raised in sales (an existing one when the contact was a duplicate)',
  })
  leadId!: string;
}

export class TaskOpenedView extends CommandResponseDto {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
}

export class RequirementRaisedView extends CommandResponseDto {
  @ApiProperty({ format: 'uuid' }) requirementId!: string;
}

/** What a ticket starts: leads for sales, product requirements, internal OLA tasks. */
@TicketCommandController()
export class TicketSpawnController {
  constructor(
    @Inject(TicketCommands) private readonly commands: TicketCommands,
    @Inject(TicketSpawns) private readonly spawns: TicketSpawns,
  ) {}

  @TicketCreatePost('spawn-lead', {
    type: LeadSpawnedView,
    summary: 'Raise a lead for sales from a need found in service (source service; linked on the ticket and the lead)',
    ok: 'LeadCaptured in the leads context (routed like any lead) and TicketLeadSpawned here; `leadId` names the lead',
  })
  async spawnLead(
    @Param() { id }: TicketIdParamDto,
    @Body() body: SpawnLeadDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<LeadSpawnedView> {
    return this.spawns.spawnLead(ctx, reply, id, {
      name: body.name,
      company: body.company ?? null,
      contactPerson: body.contactPerson ?? null,
      email: body.email ?? null,
      phone: body.phone ?? null,
      notes: body.notes ?? null,
    });
  }

  @TicketCreatePost('product-requirements', {
    type: RequirementRaisedView,
    summary: 'Raise a product requirement for the product-development flow (listed in GET /product-requirements)',
    ok: 'ProductRequirementRaised',
  })
  async requirement(
    @Param() { id }: TicketIdParamDto,
    @Body() body: RaiseRequirementDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<RequirementRaisedView> {
    const { commandId, id: requirementId } = createdIds(ctx);
    const response = await this.commands.answer(
      ctx,
      reply,
      {
        type: 'RaiseProductRequirement',
        ticketId: id,
        actor: actorOf(ctx),
        requirementId,
        title: body.title,
        description: body.description,
        product: body.product ?? null,
      },
      commandId,
    );
    return { ...response, requirementId };
  }

  @TicketCreatePost('tasks', {
    type: TaskOpenedView,
    summary: 'Open an internal task under the OLA: its target by kind or line, due on the owning group’s calendar',
    ok: 'TicketTaskOpened (its timer flags it overdue at the due instant)',
    conflicts: 'TICKET_CLOSED',
  })
  async openTask(
    @Param() { id }: TicketIdParamDto,
    @Body() body: OpenTaskDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<TaskOpenedView> {
    const { commandId, id: taskId } = createdIds(ctx);
    const input = { ticketId: id, taskId, title: body.title, kind: body.kind, line: body.line, owner: ownerOf(body) };
    return { ...(await this.commands.openTask(ctx, reply, input, commandId)), taskId };
  }

  @CommandPost('tasks/:taskId/complete', {
    summary: 'Complete an internal task, on time or late',
    ok: 'TicketTaskCompleted',
    conflicts: 'TASK_ALREADY_DONE',
  })
  completeTask(
    @Param() { id, taskId }: TaskParamDto,
    @Body() body: OptionalNoteDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'CompleteTask',
      ticketId: id,
      actor: actorOf(ctx),
      taskId,
      note: body.note ?? null,
    });
  }
}
