import { Module } from '@nestjs/common';
import { CalendarsController } from './calendars.controller.js';
import { serviceConfigHandlers } from './config-commands.js';
import { SERVICE_CONFIG } from './service-config.js';
import { ServiceConfigReader } from './service-config.reader.js';
import { ServiceEntitlementsController } from './service-entitlements.controller.js';
import { ServiceGroupsController } from './service-groups.controller.js';
import { SlaPoliciesController } from './sla-policies.controller.js';

/**
 * Service configuration: the routes of SLA policies, calendars, service groups and contract
 * entitlements, their command handlers, and the `ServiceConfig` the ticket shell decides with
 * (under `SERVICE_CONFIG`). Its read models are `serviceConfigProjections`.
 */
@Module({
  controllers: [SlaPoliciesController, CalendarsController, ServiceGroupsController, ServiceEntitlementsController],
  providers: [
    ...serviceConfigHandlers,
    ServiceConfigReader,
    { provide: SERVICE_CONFIG, useExisting: ServiceConfigReader },
  ],
  exports: [SERVICE_CONFIG, ServiceConfigReader],
})
export class ServiceConfigModule {}
