import { Module } from '@nestjs/common';
import { ProductRequirementsController } from '../query-tickets/product-requirements.controller.js';
import { QueryTicketsController } from '../query-tickets/query-tickets.controller.js';
import { ServiceAnalyticsController } from '../query-tickets/service-analytics.controller.js';
import { TicketQueuesController } from '../query-tickets/ticket-queues.controller.js';
import { TicketReaders } from '../query-tickets/ticket-readers.js';

/**
 * Ticket list, line queues, my tickets, customer histories, SLA / OLA / CSAT analytics and product
 * requirements. `TicketReaders` needs the `SERVICE_CONFIG` provider (the caller's groups) in scope.
 */
@Module({
  controllers: [
    QueryTicketsController,
    TicketQueuesController,
    ServiceAnalyticsController,
    ProductRequirementsController,
  ],
  providers: [TicketReaders],
})
export class ServiceReadsModule {}
