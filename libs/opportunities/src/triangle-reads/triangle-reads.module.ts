import { Module } from '@nestjs/common';

/** Inboxes, the handoffs list, stage velocity and the triangle scorecard. */
@Module({
  controllers: [],
  providers: [],
})
export class TriangleReadsModule {}
