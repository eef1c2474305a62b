import { Module } from '@nestjs/common';
import { ServiceConfigModule } from './config/service-config.module.js';
import { ticketCommands } from './ticket-commands/ticket-command.message.js';
import { TicketCommands } from './ticket-commands/ticket-commands.service.js';
import { TicketSpawns } from './ticket-commands/ticket-spawns.service.js';
import { AcceptTicketController } from './tickets/accept-ticket.controller.js';
import { TicketClosingController } from './tickets/ticket-closing.controller.js';
import { TicketDetailController } from './tickets/ticket-detail.controller.js';
import { TicketIntakeController } from './tickets/ticket-intake.controller.js';
import { TicketSpawnController } from './tickets/ticket-spawn.controller.js';
import { TicketWorkController } from './tickets/ticket-work.controller.js';

/** The ticket commands of the ITR context, their routes, the one generic handler, and a ticket's detail. */
@Module({
  imports: [ServiceConfigModule],
  controllers: [
    AcceptTicketController,
    TicketDetailController,
    TicketIntakeController,
    TicketWorkController,
    TicketClosingController,
    TicketSpawnController,
  ],
  providers: [ticketCommands.Handler, TicketCommands, TicketSpawns],
  exports: [TicketCommands],
})
export class ServiceTicketsModule {}
