import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '../http/request-context.js';
import { loadDealScope, type DealScope } from './deal-scope.js';
import { TEAM_MEMBERSHIPS, type TeamMemberships } from './team-memberships.port.js';

/** The caller's `DealScope` for a request, for the contexts' routes on deals, contracts and deal histories. */
@Injectable()
export class DealScopes {
  constructor(@Inject(TEAM_MEMBERSHIPS) private readonly memberships: TeamMemberships) {}

  of(ctx: RequestContext): Promise<DealScope> {
    return loadDealScope(this.memberships, ctx.caller);
  }
}
