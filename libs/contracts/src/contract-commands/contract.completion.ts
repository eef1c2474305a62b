import { NotFoundError } from '#ltc/kernel';
import type { CommandFacts } from '#ltc/platform';
import type { ContractCommand } from '../domain/contract.commands.js';
import { readDealTriangle } from './won-deal.reader.js';
import type { ContractCommandInput } from './contract-command.input.js';

/**
 * Adds the clock's now and, to a handover meeting, the deal's triangle as it is now (the meeting
 * invites the FR named since the win). Runs again on every conflict retry, and before the
 * handler decides sight: so it refuses nothing but a contract without a deal, as not found.
 */
export async function completeContractCommand(
  input: ContractCommandInput,
  { now, tenantId, store }: CommandFacts,
): Promise<ContractCommand> {
  if (input.type !== 'ScheduleHandoverMeeting') return { ...input, now };
  // The contract shares the deal's id.
  const triangle = await readDealTriangle(store, tenantId, input.contractId);
  if (triangle === null) throw new NotFoundError('Contract', input.contractId);
  return { ...input, triangle, now };
}
