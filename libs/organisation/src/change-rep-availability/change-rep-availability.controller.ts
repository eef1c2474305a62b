import { Body, Controller, Inject, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { InvalidInputError } from '#ltc/kernel';
import {
  CommandResponseDto,
  Ctx,
  ForbiddenRoleError,
  runCommandRoute,
  type Caller,
  type RequestContext,
  type Role,
} from '#ltc/platform';
import type { ChangeRepAvailability } from '../domain/rep.commands.js';
import { ApiOrgCommand } from '../api-docs.js';
import { RepIdParamDto } from '../org-dto.js';
import { repCommands } from '../org-commands.js';
import { ChangeRepAvailabilityDto } from './change-rep-availability.dto.js';

/** Who may set anyone's availability; everyone else only their own (their token's sub is the rep id). */
const MANAGING_ROLES: readonly Role[] = ['sales_manager', 'admin'];

@ApiTags('reps')
@ApiBearerAuth()
@Controller('reps')
export class ChangeRepAvailabilityController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  // No @Roles: any signed-in caller may reach it; whose availability they may set is checked below.
  @Put(':id/availability')
  @ApiOperation({
    summary: "Set a rep's availability (available, busy, away, until when)",
    description: 'A rep sets their own availability with any role; sales managers anyone’s',
  })
  @ApiOrgCommand({ existing: true })
  @ApiOkResponse({ type: CommandResponseDto, description: 'RepAvailabilityChanged appended; none when unchanged' })
  @ApiConflictResponse({ description: 'REP_DEACTIVATED' })
  async change(
    @Param() params: RepIdParamDto,
    @Body() body: ChangeRepAvailabilityDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    assertMaySetAvailability(ctx.caller, params.id);
    const command = { type: 'ChangeRepAvailability' as const, repId: params.id, availability: availabilityOf(body) };
    return runCommandRoute(this.commands, ctx, reply, {
      aggregate: repCommands,
      id: params.id,
      command,
      existing: true,
    });
  }
}

function assertMaySetAvailability(caller: Caller, repId: string): void {
  if (caller.userId === repId) return;
  if (caller.roles.some((role) => MANAGING_ROLES.includes(role))) return;
  throw new ForbiddenRoleError(MANAGING_ROLES);
}

function availabilityOf(body: ChangeRepAvailabilityDto): ChangeRepAvailability['availability'] {
  if (body.status === 'away') return { status: 'away', until: body.until === undefined ? null : new Date(body.until) };
  if (body.until !== undefined) throw new InvalidInputError('until', 'awayOnly', 'until is only allowed with away');
  return { status: 'active' };
}
