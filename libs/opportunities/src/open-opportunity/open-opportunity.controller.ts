import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { entityIdFromCommandId } from '#ltc/commanding';
import { DomainError, InvalidInputError } from '#ltc/kernel';
import { ApiCommandHeaders, CommandResponseDto, Ctx, commandIdOf, type RequestContext } from '#ltc/platform';
import { DEFAULT_PIPELINE_ID } from '../opportunity-streams.js';
import { actorOf } from '../opportunity-commands/opportunity-actor.js';
import { OpportunityCommands } from '../opportunity-commands/opportunity-commands.service.js';
import { OpenOpportunityDto } from './open-opportunity.dto.js';

@ApiTags('opportunities')
@ApiBearerAuth()
@Controller('opportunities')
export class OpenOpportunityController {
  constructor(@Inject(OpportunityCommands) private readonly commands: OpportunityCommands) {}

  @Post()
  @ApiOperation({ summary: 'Open an opportunity directly (e.g. an existing customer’s expansion)' })
  @HttpCode(201)
  @ApiCommandHeaders({ ifMatch: false })
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'OpportunityOpened appended; `id` is the deal id' })
  @ApiConflictResponse({ description: 'OPPORTUNITY_ALREADY_EXISTS; PERSON_LACKS_ROLE (the owner does not hold `ar`)' })
  async open(
    @Body() body: OpenOpportunityDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const commandId = commandIdOf(ctx);
    // Without an id, the idempotency key fixes the generated one, so a retry lands on the same deal.
    const opportunityId = body.id ?? (ctx.idempotencyKey ? entityIdFromCommandId(commandId) : randomUUID());
    const owner = body.owner ?? ctx.caller.userId;
    await this.checkOwner(ctx, owner);
    const leadId = body.leadId ?? null;
    const response = await this.commands.open(
      ctx,
      reply,
      {
        type: 'OpenOpportunity',
        opportunityId,
        actor: actorOf(ctx),
        origin: 'direct',
        lead: leadId === null ? null : { leadId, source: null, contactPerson: null, tags: [], score: null },
        name: body.name,
        account: body.account ?? null,
        amount: body.amount ? { amountMinor: body.amount.amountMinor, currency: body.amount.currency } : null,
        closeDate: body.closeDate ?? null,
        productsOfInterest: body.productsOfInterest ?? [],
        owner,
        team: body.team ?? null,
        region: body.region ?? null,
        pipelineId: body.pipeline ?? DEFAULT_PIPELINE_ID,
      },
      commandId,
    );
    void reply.header('Location', `/opportunities/${encodeURIComponent(opportunityId)}`);
    return response;
  }

  /** The owner is the deal's AR: someone the organisation knows (else 400) who holds `ar` (else 409). */
  private async checkOwner(ctx: RequestContext, owner: string): Promise<void> {
    const record = (await this.commands.lookUp(ctx, [owner])).get(owner);
    if (record === undefined) {
      throw new InvalidInputError('owner', 'knownPerson', `owner ${owner} is not in the organisation`);
    }
    if (!record.roles.includes('ar')) {
      throw new DomainError('PERSON_LACKS_ROLE', `${owner} does not hold the ar role`, { person: owner, role: 'ar' });
    }
  }
}
