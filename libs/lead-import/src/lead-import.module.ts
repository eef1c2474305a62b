import { Module } from '@nestjs/common';
import { LeadsModule } from '#ltc/leads';
import { ImportLeadsController } from './import-leads.controller.js';
import { LeadImport } from './lead-import.service.js';

/**
 * Bulk import of leads in the Manage Leads context (`POST /leads/import`): every row is
 * captured by the lead lifecycle's own capture, duplicate guard included.
 */
@Module({
  imports: [LeadsModule],
  controllers: [ImportLeadsController],
  providers: [LeadImport],
})
export class LeadImportModule {}
