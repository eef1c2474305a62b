import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '#ltc/platform';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config.js';
import { ticketScopeOf, type TicketScope } from '../service-access.js';

/**
 * The caller's ticket scope for every read: tenant-wide roles see the tenant; anyone else the
 * tickets of their groups (as the service configuration has them now), their own and their deals'.
 */
@Injectable()
export class TicketReaders {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async scopeOf(ctx: RequestContext): Promise<TicketScope> {
    const tenantWide = ticketScopeOf(ctx.caller);
    if (tenantWide.kind === 'tenant') return tenantWide;
    return ticketScopeOf(ctx.caller, await this.config.groupsOf(ctx.tenantId, ctx.caller.userId));
  }

  /** The caller's groups (for `/me/tickets`), whatever their role. */
  groupsOf(ctx: RequestContext): Promise<readonly string[]> {
    return this.config.groupsOf(ctx.tenantId, ctx.caller.userId);
  }
}
