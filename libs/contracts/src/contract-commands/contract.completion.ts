import { DomainError } from '#ltc/kernel';
import type { CommandFacts } from '#ltc/platform';
import type { ContractCommand } from '../domain/contract.commands.js';
import { readDeal } from './won-deal.reader.js';
import type { ContractCommandInput } from './contract-command.input.js';

/**
 * Adds the clock's now and, to a handover meeting, the deal's triangle as it is now (the meeting
 * invites the FR named since the win). Runs again on every conflict retry.
 */
export async function completeContractCommand(
  input: ContractCommandInput,
  { now, tenantId, store }: CommandFacts,
): Promise<ContractCommand> {
  if (input.type !== 'ScheduleHandoverMeeting') return { ...input, now };
  // The contract shares the deal's id.
  const { won } = await readDeal(store, tenantId, input.contractId);
  if (won === null) {
    throw new DomainError('DEAL_NOT_WON', `Deal ${input.contractId} is no longer won`, { dealId: input.contractId });
  }
  return { ...input, triangle: won.triangle, now };
}
