import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ReadAuditInterceptor } from './read-audit.interceptor.js';
import { ReadLogController } from './read-log.controller.js';
import { ReadLogReader } from './read-log.reader.js';

/**
 * The read log over HTTP: `@AuditedRead` routes are recorded by the interceptor (global, so
 * a context marks its routes without importing anything but the decorator) and auditors
 * list the log at GET /audit/reads. `ReadAudit` itself is in the core module, for any caller.
 */
@Module({
  controllers: [ReadLogController],
  providers: [ReadLogReader, { provide: APP_INTERCEPTOR, useClass: ReadAuditInterceptor }],
})
export class ReadAuditModule {}
