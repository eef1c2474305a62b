import { Body, Controller, Inject, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandResponseDto, Ctx, runCommandRoute, type RequestContext } from '#ltc/platform';
import { ApiOrgCommand } from '../api-docs.js';
import { CapacityDto, RepIdParamDto } from '../org-dto.js';
import { repCommands } from '../org-commands.js';

@ApiTags('reps')
@ApiBearerAuth()
@Controller('reps')
export class ChangeRepCapacityController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Put(':id/capacity')
  @ApiOperation({ summary: "Set a rep's capacity: open leads and daily quota" })
  @ApiOrgCommand({ existing: true })
  @ApiOkResponse({ type: CommandResponseDto, description: 'RepCapacityChanged appended; none when unchanged' })
  @ApiConflictResponse({ description: 'REP_DEACTIVATED' })
  async change(
    @Param() params: RepIdParamDto,
    @Body() body: CapacityDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const command = {
      type: 'ChangeRepCapacity' as const,
      repId: params.id,
      capacity: { maxOpenLeads: body.maxOpenLeads, dailyQuota: body.dailyQuota },
    };
    return runCommandRoute(this.commands, ctx, reply, {
      aggregate: repCommands,
      id: params.id,
      command,
      existing: true,
    });
  }
}
