import { Body, Controller, Inject, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommandHeaders, CommandResponseDto, Ctx, commandResponse, type RequestContext } from '#ltc/platform';
import { CaptureLeadDto } from './capture-lead.dto.js';
import { LeadCapture } from './lead-capture.service.js';

@ApiTags('leads')
@ApiBearerAuth()
@Controller('leads')
export class CaptureLeadController {
  constructor(@Inject(LeadCapture) private readonly leads: LeadCapture) {}

  @Post()
  @ApiOperation({ summary: 'Capture a lead' })
  @ApiCommandHeaders({
    idempotencyKey: 'Retries with the same key create the lead once and get the first response',
    ifMatch: false,
  })
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'LeadCaptured appended; ETag carries the revision' })
  @ApiOkResponse({
    type: CommandResponseDto,
    description: 'onDuplicate=touch: a touch was recorded on the existing lead (its id)',
  })
  @ApiConflictResponse({ description: 'LEAD_DUPLICATE (details.existingLeadId)' })
  async capture(
    @Body() body: CaptureLeadDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const result = await this.leads.capture(ctx, body);
    void reply.status(result.kind === 'touched' ? 200 : 201);
    void reply.header('Location', `/leads/${result.leadId}`);
    return commandResponse(reply, result.leadId, result.outcome);
  }
}
