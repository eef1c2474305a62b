import { Module } from '@nestjs/common';
import { CaptureLeadController } from './capture-lead/capture-lead.controller.js';
import { ContactIndex } from './capture-lead/contact-index.js';
import { LeadCapture } from './capture-lead/lead-capture.service.js';
import { LeadFromTicketDispatch } from './capture-lead/lead-from-ticket.dispatch.js';
import { CloseLeadController } from './close-lead/close-lead.controller.js';
import { EditLeadController } from './edit-lead/edit-lead.controller.js';
import { LeadEdit } from './edit-lead/lead-edit.service.js';
import { EnrichLeadController } from './enrich-lead/enrich-lead.controller.js';
import { leadCommands } from './lead-commands/lead-command.message.js';
import { LeadCommands } from './lead-commands/lead-commands.service.js';
import { QueryLeadsController } from './query-leads/query-leads.controller.js';
import { UnassignedLeadsController } from './query-leads/unassigned-leads.controller.js';
import { RouteLeadController } from './route-lead/route-lead.controller.js';
import { WorkLeadController } from './work-lead/work-lead.controller.js';

/**
 * The lead lifecycle of the Manage Leads (ML) context: its routes, command handlers and read
 * models. Distribution and routing, scoring, analytics and import have modules of their own;
 * the claim guard the lead routes inject (`CLAIM_GUARD`) is provided by lead routing.
 */
@Module({
  controllers: [
    CaptureLeadController,
    UnassignedLeadsController,
    QueryLeadsController,
    EnrichLeadController,
    EditLeadController,
    RouteLeadController,
    WorkLeadController,
    CloseLeadController,
  ],
  providers: [leadCommands.Handler, LeadCommands, ContactIndex, LeadCapture, LeadEdit, LeadFromTicketDispatch],
  // Lead import (#ltc/lead-import) captures its rows through the same capture as `POST /leads`.
  exports: [LeadCommands, LeadCapture],
})
export class LeadsModule {}
