import { Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandResponseDto, Ctx, runCommandRoute, type RequestContext } from '#ltc/platform';
import { ApiOrgCommand } from '../api-docs.js';
import { RepIdParamDto } from '../org-dto.js';
import { repCommands } from '../org-commands.js';

@ApiTags('reps')
@ApiBearerAuth()
@Controller('reps')
export class ReactivateRepController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/reactivate')
  @ApiOperation({ summary: 'Reactivate a deactivated rep' })
  @HttpCode(200)
  @ApiOrgCommand({ existing: true })
  @ApiOkResponse({ type: CommandResponseDto, description: 'RepReactivated appended; none when already active' })
  async reactivate(
    @Param() params: RepIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const command = { type: 'ReactivateRep' as const, repId: params.id };
    return runCommandRoute(this.commands, ctx, reply, {
      aggregate: repCommands,
      id: params.id,
      command,
      existing: true,
    });
  }
}
