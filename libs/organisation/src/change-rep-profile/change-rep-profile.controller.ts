import { Body, Controller, Inject, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandResponseDto, Ctx, runCommandRoute, type RequestContext } from '#ltc/platform';
import type { RepProfileChanges } from '../domain/rep.commands.js';
import { ApiOrgCommand } from '../api-docs.js';
import { RepIdParamDto } from '../org-dto.js';
import { repCommands } from '../org-commands.js';
import { ChangeRepProfileDto } from './change-rep-profile.dto.js';

@ApiTags('reps')
@ApiBearerAuth()
@Controller('reps')
export class ChangeRepProfileController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Patch(':id')
  @ApiOperation({ summary: "Change a rep's name, email, roles, team or territories" })
  @ApiOrgCommand({ existing: true })
  @ApiOkResponse({ type: CommandResponseDto, description: 'RepProfileChanged appended; none when nothing changed' })
  @ApiConflictResponse({ description: 'REP_DEACTIVATED, TEAM_NOT_FOUND' })
  async change(
    @Param() params: RepIdParamDto,
    @Body() body: ChangeRepProfileDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const command = { type: 'ChangeRepProfile' as const, repId: params.id, changes: changesOf(body) };
    return runCommandRoute(this.commands, ctx, reply, {
      aggregate: repCommands,
      id: params.id,
      command,
      existing: true,
    });
  }
}

/** Only the fields the client sent; `team: null` is sent (leave the team), an absent team is not. */
function changesOf(body: ChangeRepProfileDto): RepProfileChanges {
  const t = body.territories;
  return {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.email !== undefined ? { email: body.email } : {}),
    ...(body.roles !== undefined ? { roles: body.roles } : {}),
    ...(body.team !== undefined ? { teamId: body.team } : {}),
    ...(t
      ? {
          territories: {
            ...(t.regions !== undefined ? { regions: t.regions } : {}),
            ...(t.languages !== undefined ? { languages: t.languages } : {}),
            ...(t.industries !== undefined ? { industries: t.industries } : {}),
            ...(t.dealSizeBands !== undefined ? { dealSizeBands: t.dealSizeBands } : {}),
          },
        }
      : {}),
  };
}
