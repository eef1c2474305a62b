import { Module } from '@nestjs/common';
import { ServiceConfigModule } from '../config/service-config.module.js';
import { ProductRequirementsController } from '../query-tickets/product-requirements.controller.js';
import { QueryTicketsController } from '../query-tickets/query-tickets.controller.js';
import { ServiceAnalyticsController } from '../query-tickets/service-analytics.controller.js';
import { TicketQueuesController } from '../query-tickets/ticket-queues.controller.js';
import { TicketReaders } from '../query-tickets/ticket-readers.js';

/**
 * Ticket list, line queues, my tickets, customer histories, SLA / OLA / CSAT analytics and product
 * requirements. `TicketReaders` takes the caller's groups from the service configuration.
 */
@Module({
  imports: [ServiceConfigModule],
  controllers: [
    QueryTicketsController,
    TicketQueuesController,
    ServiceAnalyticsController,
    ProductRequirementsController,
  ],
  providers: [TicketReaders],
})
export class ServiceReadsModule {}
