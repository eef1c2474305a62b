import { Body, HttpCode, Inject, Param, Put, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandResponseDto, Ctx, type RequestContext } from '#ltc/platform';
import type { TriangleRole } from '../domain/opportunity-vocabulary.js';
import { actorOf } from '../opportunity-commands/opportunity-actor.js';
import { OpportunityCommands } from '../opportunity-commands/opportunity-commands.service.js';
import { OpportunityCommandController } from '../opportunity-controller.js';
import { OpportunityIdParamDto } from '../opportunity-dto.js';
import { TriangleDto } from './triangle.dto.js';

/** The iron triangle of a deal: AR, SR, FR and the sponsor, each checked against the organisation's records. */
@OpportunityCommandController()
export class TriangleController {
  constructor(@Inject(OpportunityCommands) private readonly commands: OpportunityCommands) {}

  @Put('triangle')
  @ApiOperation({ summary: 'Form the triangle or change its members (AR, SR, FR, sponsor)' })
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto, description: 'TriangleFormed, or one TriangleMemberChanged per seat' })
  @ApiConflictResponse({
    description: 'PERSON_LACKS_ROLE, TRIANGLE_MEMBER_REPEATED, TRIANGLE_CHANGE_STRANDS_LEAD, OPPORTUNITY_LOST',
  })
  async set(
    @Param() { id }: OpportunityIdParamDto,
    @Body() body: TriangleDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const seats = { ar: body.ar, sr: body.sr ?? null, fr: body.fr ?? null, sponsor: body.sponsor ?? null };
    const named = Object.values(seats).filter((person): person is string => person !== null);
    // Looked up before the command, which carries the records: decide stays pure.
    const records = await this.commands.lookUp(ctx, named);
    const people: Record<string, readonly TriangleRole[]> = {};
    for (const [person, record] of records) people[person] = record.roles;
    return this.commands.answer(ctx, reply, {
      type: 'SetTriangle',
      opportunityId: id,
      actor: actorOf(ctx),
      ...seats,
      people,
      reason: body.reason ?? null,
    });
  }
}
