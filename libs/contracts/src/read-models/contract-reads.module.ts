import { Module } from '@nestjs/common';

/** Contract list, detail with timeline, balances, cash aging, pipeline length and FR workload routes. */
@Module({
  controllers: [],
  providers: [],
})
export class ContractReadsModule {}
