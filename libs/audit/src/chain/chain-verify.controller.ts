import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '#ltc/clock';
import { EVENT_STORE, chainAnchors, verifyEventChains, type ChainAnchor, type EventStore } from '#ltc/event-store';
import { Ctx, type RequestContext } from '#ltc/platform';
import { AnchorFileDto, ChainAnchorFileView, ChainReportDto } from './chain-verify.dto.js';
import { chainAnchorFile, chainReportView, type ChainAnchorFile, type ChainReportView } from './chain-report.view.js';

/**
 * Tamper evidence over HTTP: the same check as `ltc audit verify`, over the caller's tenant.
 * A check reads the tenant's whole history, so callers asking at once share one run.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class ChainVerifyController {
  private readonly running = new Map<string, Promise<ChainReportView>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('verify')
  @ApiOperation({
    summary: "Check every hash-chain link of the tenant's streams and report the first broken link per stream",
  })
  @ApiOkResponse({ type: ChainReportDto })
  verify(@Ctx() ctx: RequestContext): Promise<ChainReportView> {
    const key = ctx.tenantId;
    const shared = this.running.get(key);
    if (shared) return shared;
    const run = this.check(ctx.tenantId).finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Check the hash chains against chain heads exported earlier (GET /audit/anchors), to catch a rewritten tail',
  })
  @ApiOkResponse({ type: ChainReportDto })
  verifyAgainst(@Body() file: AnchorFileDto, @Ctx() ctx: RequestContext): Promise<ChainReportView> {
    const anchors = file.anchors.map((anchor) => ({ ...anchor, revision: BigInt(anchor.revision) }));
    return this.check(ctx.tenantId, anchors);
  }

  @Get('anchors')
  @ApiOperation({
    summary: "Every stream's chain head now: keep this file outside the database, verify against it later",
  })
  @ApiOkResponse({ type: ChainAnchorFileView })
  async anchors(@Ctx() ctx: RequestContext): Promise<ChainAnchorFile> {
    const { headPosition, anchors } = await chainAnchors(this.store, { tenantId: ctx.tenantId });
    return chainAnchorFile(anchors, headPosition, ctx.tenantId, this.clock.now());
  }

  private async check(tenantId: string, anchors?: readonly ChainAnchor[]): Promise<ChainReportView> {
    return chainReportView(await verifyEventChains(this.store, { tenantId, ...(anchors ? { anchors } : {}) }));
  }
}
