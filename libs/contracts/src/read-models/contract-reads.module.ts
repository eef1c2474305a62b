import { DealScopes } from '#ltc/platform';
import { Module } from '@nestjs/common';
import { CashAgingController } from '../query-contracts/cash-aging.controller.js';
import { FrWorkloadController } from '../query-contracts/fr-workload.controller.js';
import { PipelineLengthController } from '../query-contracts/pipeline-length.controller.js';
import { QueryContractsController } from '../query-contracts/query-contracts.controller.js';

/** Contract list, detail with timeline, balances, cash aging, pipeline length and FR workload routes. */
@Module({
  controllers: [QueryContractsController, CashAgingController, PipelineLengthController, FrWorkloadController],
  providers: [DealScopes],
})
export class ContractReadsModule {}
