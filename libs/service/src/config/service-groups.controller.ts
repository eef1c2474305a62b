import { Body, Controller, Get, HttpCode, Inject, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { NotFoundError } from '#ltc/kernel';
import type { ReadModelHandle } from '#ltc/projections';
import { ApiCommandHeaders, Ctx, READ_MODEL_DB, runCommandRoute, type RequestContext } from '#ltc/platform';
import { ConfigIdParamDto, ConfiguredView, versionAt } from './config-id.dto.js';
import { serviceGroupCommands } from './config-commands.js';
import { listServiceGroups } from './config.queries.js';
import { ServiceGroupListView, ServiceGroupView, serviceGroupView } from './config.views.js';
import { ServiceGroupDefinitionDto } from './service-group.dto.js';
import { loadServiceGroup } from './stored-config.js';
import { withRevision } from './with-revision.js';

/** Service groups: the line they work on, their lead, members and calendar; versioned. */
@ApiTags('service configuration')
@ApiBearerAuth()
@Controller('service-groups')
export class ServiceGroupsController {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List service groups, each at its latest version' })
  @ApiOkResponse({ type: ServiceGroupListView })
  async list(@Ctx() ctx: RequestContext): Promise<ServiceGroupListView> {
    return { items: (await listServiceGroups(this.readModels.db, ctx.tenantId)).map(serviceGroupView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One service group at its current version (ETag for If-Match)' })
  @ApiOkResponse({ type: ServiceGroupView })
  @ApiNotFoundResponse({ description: 'SERVICE_GROUP_NOT_FOUND' })
  async get(
    @Param() { id }: ConfigIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServiceGroupView> {
    const stored = await loadServiceGroup(this.store, ctx.tenantId, id);
    if (stored === null) throw new NotFoundError('ServiceGroup', id);
    return serviceGroupView(withRevision(reply, stored));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Create a service group or store a new version of it' })
  @HttpCode(200)
  @ApiCommandHeaders({ ifMatch: 'The revision from GET /service-groups/{id}; a group changed since answers 412' })
  @ApiOkResponse({ type: ConfiguredView, description: 'ServiceGroupConfigured appended (none if unchanged)' })
  async configure(
    @Param() { id }: ConfigIdParamDto,
    @Body() body: ServiceGroupDefinitionDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConfiguredView> {
    const response = await runCommandRoute(this.bus, ctx, reply, {
      aggregate: serviceGroupCommands,
      id,
      existing: false,
      command: {
        type: 'ConfigureServiceGroup' as const,
        groupId: id,
        actor: ctx.caller.userId,
        definition: {
          name: body.name,
          line: body.line,
          lead: body.lead,
          members: body.members,
          calendarId: body.calendarId ?? null,
        },
      },
    });
    return { ...response, version: versionAt(response.revision) };
  }
}
