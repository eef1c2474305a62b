import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandResponseDto, Ctx, runCommandRoute, type RequestContext } from '#ltc/platform';
import { ApiOrgCommand } from '../api-docs.js';
import { teamCommands } from '../org-commands.js';
import { CreateTeamDto } from './create-team.dto.js';

@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams')
export class CreateTeamController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Create a team with its manager' })
  @HttpCode(201)
  @ApiOrgCommand({ existing: false })
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'TeamCreated appended; ETag carries the revision' })
  @ApiConflictResponse({ description: 'TEAM_ALREADY_EXISTS' })
  async create(
    @Body() body: CreateTeamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const command = { type: 'CreateTeam' as const, teamId: body.id, name: body.name, managerId: body.managerId };
    const response = await runCommandRoute(this.commands, ctx, reply, {
      aggregate: teamCommands,
      id: body.id,
      command,
      existing: false,
    });
    void reply.header('Location', `/teams/${body.id}`);
    return response;
  }
}
