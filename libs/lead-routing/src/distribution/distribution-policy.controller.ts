import { Body, Controller, Get, Inject, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { NotFoundError } from '#ltc/kernel';
import {
  ApiCommandHeaders,
  CommandResponseDto,
  Ctx,
  SALES_TEAMS,
  runCommandRoute,
  type RequestContext,
  RETRIED_ONCE,
  type SalesTeams,
} from '#ltc/platform';
import { TENANT_POLICY_TEAM } from './domain/distribution-policy.js';
import { distributionPolicyCommands } from './change-distribution-policy.handler.js';
import { DistributionPolicyDto, DistributionPolicyView, PolicyTeamParamDto } from './distribution-policy.dto.js';
import { loadPolicy } from './load-policy.js';

/** How each team's leads are distributed and worked; team `default` is the tenant-wide policy. */
@ApiTags('distribution')
@ApiBearerAuth()
@Controller('distribution-policies')
export class DistributionPolicyController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SALES_TEAMS) private readonly teams: SalesTeams,
  ) {}

  @Get(':team')
  @ApiOperation({ summary: 'The distribution policy that applies to a team, and where it comes from' })
  @ApiOkResponse({
    type: DistributionPolicyView,
    description: "The policy that applies to the team; ETag is the team's own policy revision when it has one",
  })
  async get(
    @Param() { team }: PolicyTeamParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DistributionPolicyView> {
    const effective = await loadPolicy(this.store, ctx.tenantId, team);
    if (effective.revision !== undefined) void reply.header('ETag', `"${effective.revision.toString()}"`);
    const { policy, from, version, changedBy, changedAt } = effective;
    return { team, from, version, policy, changedBy, changedAt };
  }

  @Put(':team')
  @ApiOperation({ summary: "Replace a team's distribution policy (team default: the tenant's)" })
  @ApiCommandHeaders({ idempotencyKey: RETRIED_ONCE, ifMatch: 'The ETag last seen; a stale one answers 412' })
  @ApiOkResponse({
    type: CommandResponseDto,
    description: 'DistributionPolicyChanged appended (none if unchanged)',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field path, e.g. recycle.warnDaysBefore' })
  @ApiPreconditionFailedResponse({ description: 'REVISION_MISMATCH: If-Match is stale' })
  @ApiNotFoundResponse({ description: 'TEAM_NOT_FOUND: no such team (team `default` is the tenant-wide policy)' })
  async put(
    @Param() { team }: PolicyTeamParamDto,
    @Body() body: DistributionPolicyDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    // A policy for a team that does not exist would never apply: say so instead of saving it.
    if (team !== TENANT_POLICY_TEAM && !(await this.teams.exists(ctx.tenantId, team))) {
      throw new NotFoundError('Team', team);
    }
    const command = {
      type: 'ChangeDistributionPolicy' as const,
      team,
      policy: { ...body },
      changedBy: ctx.caller.userId,
    };
    return runCommandRoute(this.commands, ctx, reply, {
      aggregate: distributionPolicyCommands,
      id: team,
      command,
      existing: false,
    });
  }
}
