import { Body, Controller, Get, HttpCode, Inject, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { NotFoundError } from '#ltc/kernel';
import { ApiCommandHeaders, Ctx, runCommandRoute, type RequestContext } from '#ltc/platform';
import { ConfiguredView, EntitlementContractParamDto, versionAt } from './config-id.dto.js';
import { serviceEntitlementCommands } from './config-commands.js';
import { ServiceEntitlementView, serviceEntitlementView } from './config.views.js';
import { readContractFacts } from './contract-facts.js';
import { ServiceEntitlementDefinitionDto } from './service-entitlement.dto.js';
import { loadServiceEntitlement } from './stored-config.js';
import { withRevision } from './with-revision.js';

/** What a contract entitles its customer to: the SLA policy of their tickets and the warranty end; versioned. */
@ApiTags('service configuration')
@ApiBearerAuth()
@Controller('service-entitlements')
export class ServiceEntitlementsController {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':contractId')
  @ApiOperation({ summary: "A contract's service entitlement at its current version (ETag for If-Match)" })
  @ApiOkResponse({ type: ServiceEntitlementView })
  @ApiNotFoundResponse({
    description: "CONTRACT_NOT_FOUND (none in the caller's tenant); SERVICE_ENTITLEMENT_NOT_FOUND (none recorded)",
  })
  async get(
    @Param() { contractId }: EntitlementContractParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServiceEntitlementView> {
    if ((await readContractFacts(this.store, ctx.tenantId, contractId)) === null) {
      throw new NotFoundError('Contract', contractId);
    }
    const stored = await loadServiceEntitlement(this.store, ctx.tenantId, contractId);
    if (stored === null) throw new NotFoundError('ServiceEntitlement', contractId);
    return serviceEntitlementView(withRevision(reply, stored));
  }

  @Put(':contractId')
  @ApiOperation({ summary: "Record a contract's service entitlement (new tickets of its customer are bound to it)" })
  @HttpCode(200)
  @ApiCommandHeaders({ ifMatch: 'The revision from GET /service-entitlements/{contractId}; changed since: 412' })
  @ApiOkResponse({ type: ConfiguredView, description: 'ServiceEntitlementRecorded appended (none if unchanged)' })
  @ApiNotFoundResponse({ description: "CONTRACT_NOT_FOUND: no such contract in the caller's tenant" })
  async record(
    @Param() { contractId }: EntitlementContractParamDto,
    @Body() body: ServiceEntitlementDefinitionDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConfiguredView> {
    const response = await runCommandRoute(this.bus, ctx, reply, {
      aggregate: serviceEntitlementCommands,
      id: contractId,
      existing: false,
      command: {
        type: 'RecordServiceEntitlement' as const,
        contractId,
        actor: ctx.caller.userId,
        definition: { policyId: body.policyId, warrantyEndsOn: body.warrantyEndsOn },
      },
    });
    return { ...response, version: versionAt(response.revision) };
  }
}
