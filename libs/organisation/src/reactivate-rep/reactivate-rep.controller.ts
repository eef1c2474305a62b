import { Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandOutcome } from '#ltc/commanding';
import { CommandResponseDto, Ctx, Roles, commandResponse, envelopeFrom, type RequestContext } from '#ltc/platform';
import { ApiOrgCommand } from '../api-docs.js';
import { RepIdParamDto } from '../org-dto.js';
import { repStream } from '../org-streams.js';
import { ReactivateRepCommand } from './reactivate-rep.command.js';

@ApiTags('reps')
@ApiBearerAuth()
@Controller('reps')
export class ReactivateRepController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/reactivate')
  @ApiOperation({ summary: 'Reactivate a deactivated rep' })
  @HttpCode(200)
  @Roles('sales_manager')
  @ApiOrgCommand({ existing: true })
  @ApiOkResponse({ type: CommandResponseDto, description: 'RepReactivated appended; none when already active' })
  async reactivate(
    @Param() params: RepIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const command = { type: 'ReactivateRep' as const, repId: params.id };
    const outcome = await this.commands.execute<ReactivateRepCommand, CommandOutcome>(
      new ReactivateRepCommand(
        envelopeFrom(ctx, {
          command,
          stream: repStream(ctx.tenantId, params.id),
          mustExist: { entity: 'Rep', id: params.id },
        }),
      ),
    );
    return commandResponse(reply, params.id, outcome);
  }
}
