import { Module } from '@nestjs/common';

/**
 * The opportunity and pipeline commands of the MO context: their routes and the one generic
 * handler per aggregate. Reads have modules of their own (read-models/, triangle-reads/).
 */
@Module({
  controllers: [],
  providers: [],
})
export class OpportunitiesModule {}
