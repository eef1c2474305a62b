import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { entityIdFromCommandId } from '#ltc/commanding';
import { CommandResponseDto, Ctx, commandIdOf, runCommandRoute, type RequestContext } from '#ltc/platform';
import { ANY_TERRITORY, DEFAULT_CAPACITY } from '../domain/rep.types.js';
import { ApiOrgCommand } from '../api-docs.js';
import { repCommands } from '../org-commands.js';
import { RegisterRepDto } from './register-rep.dto.js';

@ApiTags('reps')
@ApiBearerAuth()
@Controller('reps')
export class RegisterRepController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Register a rep' })
  @HttpCode(201)
  @ApiOrgCommand({ existing: false })
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'RepRegistered appended; `id` is the rep id' })
  @ApiConflictResponse({ description: 'REP_ALREADY_EXISTS, TEAM_NOT_FOUND' })
  async register(
    @Body() body: RegisterRepDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const commandId = commandIdOf(ctx);
    // Without a sub, an idempotency key fixes the generated id, so a retry lands on the same stream.
    const repId = body.id ?? (ctx.idempotencyKey ? entityIdFromCommandId(commandId) : randomUUID());
    const command = {
      type: 'RegisterRep' as const,
      repId,
      name: body.name,
      email: body.email,
      roles: body.roles,
      teamId: body.team ?? null,
      territories: {
        regions: body.territories?.regions ?? ANY_TERRITORY.regions,
        languages: body.territories?.languages ?? ANY_TERRITORY.languages,
        industries: body.territories?.industries ?? ANY_TERRITORY.industries,
        dealSizeBands: body.territories?.dealSizeBands ?? ANY_TERRITORY.dealSizeBands,
      },
      capacity: body.capacity
        ? { maxOpenLeads: body.capacity.maxOpenLeads, dailyQuota: body.capacity.dailyQuota }
        : DEFAULT_CAPACITY,
    };
    const response = await runCommandRoute(this.commands, ctx, reply, {
      aggregate: repCommands,
      id: repId,
      command,
      existing: false,
      commandId,
    });
    void reply.header('Location', `/reps/${encodeURIComponent(repId)}`);
    return response;
  }
}
