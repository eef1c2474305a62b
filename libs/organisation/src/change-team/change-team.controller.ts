import { Body, Controller, Inject, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandResponseDto, Ctx, runCommandRoute, type RequestContext } from '#ltc/platform';
import { ApiOrgCommand } from '../api-docs.js';
import { TeamIdParamDto } from '../org-dto.js';
import { teamCommands } from '../org-commands.js';
import { ChangeTeamDto } from './change-team.dto.js';

@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams')
export class ChangeTeamController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a team or change its manager' })
  @ApiOrgCommand({ existing: true })
  @ApiOkResponse({
    type: CommandResponseDto,
    description: 'TeamRenamed and/or TeamManagerChanged appended; none when nothing changed',
  })
  async change(
    @Param() params: TeamIdParamDto,
    @Body() body: ChangeTeamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const command = {
      type: 'ChangeTeam' as const,
      teamId: params.id,
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.managerId !== undefined ? { managerId: body.managerId } : {}),
    };
    return runCommandRoute(this.commands, ctx, reply, {
      aggregate: teamCommands,
      id: params.id,
      command,
      existing: true,
    });
  }
}
