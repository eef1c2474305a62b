import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommandHeaders, CommandResponseDto, Ctx, type RequestContext } from '#ltc/platform';
import { ContractCommands } from '../contract-commands/contract-commands.service.js';
import { DraftContractDto } from './draft-contract.dto.js';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class DraftContractController {
  constructor(@Inject(ContractCommands) private readonly commands: ContractCommands) {}

  @Post()
  @ApiOperation({ summary: 'Draft the contract of a won deal (the contract takes the deal’s id)' })
  @HttpCode(201)
  @ApiCommandHeaders({ ifMatch: false })
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'ContractDrafted appended (none when the deal’s contract is already drafted); `id` is the contract id',
  })
  @ApiNotFoundResponse({ description: 'OPPORTUNITY_NOT_FOUND: no such deal, or one the caller may not see' })
  @ApiConflictResponse({ description: 'DEAL_NOT_WON' })
  async draft(
    @Body() body: DraftContractDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const response = await this.commands.draft(ctx, reply, body.dealId);
    void reply.header('Location', `/contracts/${encodeURIComponent(response.id)}`);
    return response;
  }
}
