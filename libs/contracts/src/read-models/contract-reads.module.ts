import { Module } from '@nestjs/common';
import { QueryContractsController } from '../query-contracts/query-contracts.controller.js';

/** Contract list, detail with timeline, balances, cash aging, pipeline length and FR workload routes. */
@Module({
  controllers: [QueryContractsController],
  providers: [],
})
export class ContractReadsModule {}
