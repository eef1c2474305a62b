import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandOutcome } from '#ltc/commanding';
import { Ctx, Roles, commandIdOf, commandResponse, envelopeFrom, type RequestContext } from '#ltc/platform';
import { entityIdFromCommandId } from '#ltc/commanding';
import { randomUUID } from 'node:crypto';
import { leadStream } from '../lead-stream.js';
import { CaptureLeadCommand } from './capture-lead.command.js';
import { CaptureLeadDto } from './capture-lead.dto.js';
import { CommandResponseDto } from '../read-models/lead.views.js';

@ApiTags('leads')
@ApiBearerAuth()
@Controller('leads')
export class CaptureLeadController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('sales_manager', 'ar', 'service_agent', 'service_manager')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key create the lead once and get the first response',
  })
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'LeadCaptured appended; ETag carries the revision' })
  @ApiConflictResponse({ description: 'LEAD_ALREADY_EXISTS' })
  async capture(
    @Body() body: CaptureLeadDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const commandId = commandIdOf(ctx);
    // With an idempotency key the id is derived from it, so a retry lands on the same stream.
    const leadId = ctx.idempotencyKey ? entityIdFromCommandId(commandId) : randomUUID();
    const command = {
      type: 'CaptureLead' as const,
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
    };
    const outcome = await this.commands.execute<CaptureLeadCommand, CommandOutcome>(
      new CaptureLeadCommand(envelopeFrom(ctx, { command, stream: leadStream(leadId), commandId })),
    );
    void reply.header('Location', `/leads/${leadId}`);
    return commandResponse(reply, leadId, outcome);
  }
}
