import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandResponseDto, Ctx, runCommandRoute, type RequestContext } from '#ltc/platform';
import { ApiOrgCommand } from '../api-docs.js';
import { RepIdParamDto } from '../org-dto.js';
import { repCommands } from '../org-commands.js';
import { DeactivateRepDto } from './deactivate-rep.dto.js';

@ApiTags('reps')
@ApiBearerAuth()
@Controller('reps')
export class DeactivateRepController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/deactivate')
  @ApiOperation({ summary: 'Deactivate a rep: no new leads, no sign-in as a rep' })
  @HttpCode(200)
  @ApiOrgCommand({ existing: true })
  @ApiOkResponse({
    type: CommandResponseDto,
    description: 'RepDeactivated appended; none when already deactivated. A deactivated rep gets no leads',
  })
  async deactivate(
    @Param() params: RepIdParamDto,
    @Body() body: DeactivateRepDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const command = { type: 'DeactivateRep' as const, repId: params.id, reason: body.reason ?? null };
    return runCommandRoute(this.commands, ctx, reply, {
      aggregate: repCommands,
      id: params.id,
      command,
      existing: true,
    });
  }
}
