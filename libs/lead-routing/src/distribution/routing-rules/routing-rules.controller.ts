import { Body, Controller, Get, Inject, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import {
  ApiCommandHeaders,
  CommandResponseDto,
  Ctx,
  commandHandlerFor,
  SALES_TEAMS,
  runCommandRoute,
  type RequestContext,
  type SalesTeams,
} from '#ltc/platform';
import { LEAD_SOURCES } from '#ltc/leads/domain';
import { parseRoutingRules, parseRoutingRulesEvent, routingRulesDecider } from '../domain/routing-rules.js';
import { loadRoutingRules } from './load-routing-rules.js';
import { routingRulesStream } from './routing-rules.stream.js';

class RoutingRuleDoc {
  @ApiProperty({ example: 'nordics', description: 'Slug naming the rule; LeadTeamSet says which rule matched' })
  id!: string;
  @ApiProperty({ example: 'emea-north', description: 'The team the matching leads belong to (must exist)' })
  team!: string;
  @ApiPropertyOptional({ type: [String], example: ['EMEA'], description: 'Lead regions (any when absent)' })
  regions?: string[];
  @ApiPropertyOptional({ enum: LEAD_SOURCES, isArray: true, description: 'Lead sources (any when absent)' })
  sources?: string[];
  @ApiPropertyOptional({ type: [String], example: ['logistics'], description: 'Lead industries (any when absent)' })
  industries?: string[];
}

/** Body of `PUT /routing-rules`: the whole ordered list; the first rule a lead matches gives its team. */
export class RoutingRulesDto {
  @ApiProperty({ type: [RoutingRuleDoc] })
  @Allow()
  rules!: unknown;
}

export class RoutingRulesView {
  @ApiProperty({ description: '0 until the first save' }) version!: number;
  @ApiProperty({ type: [RoutingRuleDoc] }) rules!: unknown[];
}

/** Every routing rules command goes through this one message and handler, one stream per tenant. */
const routingRulesCommands = commandHandlerFor(routingRulesDecider, {
  entity: 'RoutingRules',
  stream: (tenantId) => routingRulesStream(tenantId),
  parse: parseRoutingRulesEvent,
});

/** The Nest CQRS message of a rules change; the handler adds the clock's now. */
export const ChangeRoutingRulesCommand = routingRulesCommands.Message;
/** Registered by the distribution module. */
export const ChangeRoutingRulesHandler = routingRulesCommands.Handler;

/** Which sales team a lead belongs to, by region, source and industry; the team's distribution policy then applies. */
@ApiTags('distribution')
@ApiBearerAuth()
@Controller('routing-rules')
export class RoutingRulesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SALES_TEAMS) private readonly salesTeams: SalesTeams,
  ) {}

  @Get()
  @ApiOperation({ summary: "The tenant's routing rules (lead → team), in the order they are tried" })
  @ApiOkResponse({ type: RoutingRulesView })
  async get(@Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<RoutingRulesView> {
    const { version, rules, revision } = await loadRoutingRules(this.store, ctx.tenantId);
    if (revision !== undefined) void reply.header('ETag', `"${revision.toString()}"`);
    return { version, rules: [...rules] };
  }

  @Put()
  @ApiOperation({ summary: 'Replace the routing rules; a lead captured without a team gets the first matching one' })
  @ApiCommandHeaders({ idempotencyKey: false, ifMatch: 'The ETag last seen; a stale one answers 412' })
  @ApiOkResponse({ type: CommandResponseDto, description: 'RoutingRulesChanged appended (none if unchanged)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field, e.g. rules[1].sources[0]' })
  @ApiNotFoundResponse({ description: 'TEAM_NOT_FOUND: a rule names a team the tenant does not have' })
  async put(
    @Body() body: RoutingRulesDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    // A missing body reads as no rules list: a 400 naming `rules`, not a 500.
    const input: unknown = (body as RoutingRulesDto | null | undefined)?.rules;
    const teams = [...new Set(parseRoutingRules(input).map((rule) => rule.team))];
    const unknownTeams: string[] = [];
    for (const team of teams) if (!(await this.salesTeams.exists(ctx.tenantId, team))) unknownTeams.push(team);
    const command = {
      type: 'ChangeRoutingRules' as const,
      rules: input,
      unknownTeams,
      changedBy: ctx.caller.userId,
    };
    return runCommandRoute(this.commands, ctx, reply, {
      aggregate: routingRulesCommands,
      id: 'routing-rules',
      command,
      existing: false,
    });
  }
}
