import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { NotFoundError } from '#ltc/kernel';
import type { ReadModelHandle } from '#ltc/projections';
import { AsOfQueryDto, Ctx, READ_MODEL_DB, DealScopes, asOfInstant, type RequestContext } from '#ltc/platform';
import { readDealTeam } from '../contract-commands/won-deal.reader.js';
import { canSeeContract } from '../contract-access.js';
import type { Contract } from '../domain/contract.state.js';
import { ContractBalanceTotalsView, contractBalanceTotals } from '../read-models/contract-balance.queries.js';
import { listContracts } from '../read-models/contract-list.queries.js';
import { ContractFiguresView, ContractPageView } from '../read-models/contract.views.js';
import { ContractDetailView, contractDetail, contractFiguresOf } from './contract-detail.view.js';
import { ContractFilterQueryDto, ContractIdParamDto, ContractListQueryDto } from './contract-query.dto.js';
import { contractFilterOf } from './contract-readers.js';
import { readContractStream } from './contract-stream.read.js';

const NOT_FOUND =
  'CONTRACT_NOT_FOUND: no such contract, or one the caller may not see (the same answer, so its existence does not leak)';

/** The contract list and balance totals (from the list read model), one contract's detail and balance (from its own stream). */
@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class QueryContractsController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DealScopes) private readonly scopes: DealScopes,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List and search contracts, newest first, with a cursor' })
  @ApiOkResponse({
    type: ContractPageView,
    description:
      'Contracts the caller may see: admins and auditors all, sales managers their teams’ deals’ (all without a team); everyone those whose triangle they sit in',
  })
  async list(@Query() query: ContractListQueryDto, @Ctx() ctx: RequestContext): Promise<ContractPageView> {
    return listContracts(this.readModels.queryDb, ctx.tenantId, {
      ...contractFilterOf(query, await this.scopes.of(ctx)),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      limit: query.limit ?? 50,
    });
  }

  @Get('balance')
  @ApiOperation({
    summary: 'Contracted, ordered, delivered, accepted, invoiced, paid, outstanding and overdue, per currency',
  })
  @ApiOkResponse({ type: ContractBalanceTotalsView })
  async balanceTotals(
    @Query() query: ContractFilterQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ContractBalanceTotalsView> {
    const filter = contractFilterOf(query, await this.scopes.of(ctx));
    return contractBalanceTotals(this.readModels.queryDb, ctx.tenantId, filter);
  }

  /**
   * Read from the contract's own stream, not a projection: the exact state (orders, invoices,
   * payments, handover) and every event for the timeline, never lagging a command the caller
   * just sent; its revision is the ETag an If-Match names.
   */
  @Get(':id')
  @ApiOperation({
    summary: 'One contract with its figures, orders, deliveries, invoices, payments, handover and timeline (ETag)',
  })
  @ApiOkResponse({ type: ContractDetailView })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async get(
    @Param() { id }: ContractIdParamDto,
    @Query() query: AsOfQueryDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContractDetailView> {
    const asOf = asOfInstant(query);
    const folded = await readContractStream(this.store, id);
    const contract = await this.visible(folded.state, folded.tenantId, id, ctx);
    if (asOf === undefined) {
      if (folded.revision !== undefined) void reply.header('ETag', `"${folded.revision.toString()}"`);
      return contractDetail(folded, contract);
    }
    const then = await this.asItWas(id, asOf);
    return contractDetail(then.folded, then.contract);
  }

  @Get(':id/balance')
  @ApiOperation({ summary: "One contract's balance: contracted to overdue, from its own stream" })
  @ApiOkResponse({ type: ContractFiguresView })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async balance(
    @Param() { id }: ContractIdParamDto,
    @Query() query: AsOfQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ContractFiguresView> {
    const asOf = asOfInstant(query);
    const folded = await readContractStream(this.store, id);
    const contract = await this.visible(folded.state, folded.tenantId, id, ctx);
    return contractFiguresOf(asOf === undefined ? contract : (await this.asItWas(id, asOf)).contract);
  }

  /**
   * The contract as it stood at `asOf`. Who may read it is decided on the contract as it is now
   * (someone taken off the deal does not read its past); a contract not drafted yet is a 404.
   */
  private async asItWas(
    id: string,
    asOf: Date,
  ): Promise<{ folded: Awaited<ReturnType<typeof readContractStream>>; contract: Contract }> {
    const folded = await readContractStream(this.store, id, asOf);
    if (folded.state.status === 'none') throw new NotFoundError('Contract', id);
    return { folded, contract: folded.state };
  }

  /**
   * The contract, when it exists in the caller's tenant and they may see it; else the same 404.
   * A team's sales manager is judged on the team of the contract's deal, from the deal's stream.
   */
  private async visible(
    state: Contract | { status: 'none' },
    tenantId: string | undefined,
    id: string,
    ctx: RequestContext,
  ): Promise<Contract> {
    if (state.status === 'none' || tenantId !== ctx.tenantId) throw new NotFoundError('Contract', id);
    const members = { ...state.triangle, fr: state.handedOverTo ?? state.triangle.fr };
    const scope = await this.scopes.of(ctx);
    const team = scope.kind === 'team' ? await readDealTeam(this.store, ctx.tenantId, state.dealId) : null;
    if (!canSeeContract(scope, members, team)) throw new NotFoundError('Contract', id);
    return state;
  }
}
