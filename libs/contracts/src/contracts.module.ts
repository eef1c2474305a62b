import { Module } from '@nestjs/common';

/** The contract commands of the MCE context: their routes and the one generic handler. Reads have a module of their own. */
@Module({
  controllers: [],
  providers: [],
})
export class ContractsModule {}
