import { Body, Controller, Get, HttpCode, Inject, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { NotFoundError } from '#ltc/kernel';
import type { ReadModelHandle } from '#ltc/projections';
import { ApiCommandHeaders, Ctx, READ_MODEL_DB, runCommandRoute, type RequestContext } from '#ltc/platform';
import { withSlaPolicyDefaults } from '../domain/config/index.js';
import { ConfigIdParamDto, ConfiguredView, versionAt } from './config-id.dto.js';
import { slaPolicyCommands } from './config-commands.js';
import { listSlaPolicies } from './config.queries.js';
import { SlaPolicyListView, SlaPolicyView, slaPolicyView } from './config.views.js';
import { SlaPolicyDefinitionDto } from './sla-policy.dto.js';
import { loadSlaPolicy } from './stored-config.js';
import { withRevision } from './with-revision.js';

/** SLA policies: targets per priority, calendar, pauses, warnings, escalations, OLA; versioned. */
@ApiTags('service configuration')
@ApiBearerAuth()
@Controller('sla-policies')
export class SlaPoliciesController {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List SLA policies, each at its latest version (`default` always among them)' })
  @ApiOkResponse({ type: SlaPolicyListView })
  async list(@Ctx() ctx: RequestContext): Promise<SlaPolicyListView> {
    return { items: (await listSlaPolicies(this.readModels.db, ctx.tenantId)).map(slaPolicyView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One SLA policy at its current version (read from its stream; ETag for If-Match)' })
  @ApiOkResponse({ type: SlaPolicyView })
  @ApiNotFoundResponse({ description: 'SLA_POLICY_NOT_FOUND (`default` always exists)' })
  async get(
    @Param() { id }: ConfigIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SlaPolicyView> {
    const stored = await loadSlaPolicy(this.store, ctx.tenantId, id);
    if (stored === null) throw new NotFoundError('SlaPolicy', id);
    return slaPolicyView(withRevision(reply, stored));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Create an SLA policy or store a new version of it (running tickets keep theirs)' })
  @HttpCode(200)
  @ApiCommandHeaders({ ifMatch: 'The revision from GET /sla-policies/{id}; a policy changed since answers 412' })
  @ApiOkResponse({ type: ConfiguredView, description: 'SlaPolicyConfigured appended (none if unchanged)' })
  async configure(
    @Param() { id }: ConfigIdParamDto,
    @Body() body: SlaPolicyDefinitionDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConfiguredView> {
    const response = await runCommandRoute(this.bus, ctx, reply, {
      aggregate: slaPolicyCommands,
      id,
      existing: false,
      command: {
        type: 'ConfigureSlaPolicy' as const,
        policyId: id,
        actor: ctx.caller.userId,
        definition: withSlaPolicyDefaults(body),
      },
    });
    return { ...response, version: versionAt(response.revision) };
  }
}
