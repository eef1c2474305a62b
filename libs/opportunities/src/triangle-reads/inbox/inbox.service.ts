import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '#ltc/clock';
import type { ReadModelHandle } from '#ltc/projections';
import { PEOPLE_DIRECTORY, READ_MODEL_DB, isTeamDeal, type PeopleDirectory } from '#ltc/platform';
import type { OpportunityScope } from '../../opportunity-access.js';
import { buildInbox } from './inbox.js';
import { inboxRows, pendingApprovals, type PendingApprovalRow } from './inbox.queries.js';
import type { InboxView } from './inbox.view.js';

/**
 * Who a person's inbox shows discount approvals to. The caller's own inbox: a sales manager
 * (or admin) sees every pending approval they did not request (any sales manager other than
 * the requester may approve). Someone else's inbox (`/people/{id}/inbox`), where the token
 * does not tell their roles: the approvals on deals whose AR has that person as their team's
 * sales manager (the organisation's records, PEOPLE_DIRECTORY), the one an approval falls to.
 * Either way only the approvals on deals the reader manages (a team's manager: their teams'),
 * the ones they could give.
 */
export type Approver =
  { readonly kind: 'any_sales_manager' } | { readonly kind: 'team_manager' } | { readonly kind: 'none' };

/** Who reads an inbox: their own scope (whose approvals they give) and which deals' rows show. */
export interface InboxReader {
  readonly scope: OpportunityScope;
  readonly sight: OpportunityScope;
}

const EVERY_DEAL: InboxReader = { scope: { kind: 'tenant' }, sight: { kind: 'tenant' } };

@Injectable()
export class InboxService {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
  ) {}

  /** `reader`: the scope of who reads it; `sight`: which deals' rows show (theirs: all; another's: the reader's). */
  async inbox(
    tenantId: string,
    personId: string,
    approver: Approver,
    reader: InboxReader = EVERY_DEAL,
  ): Promise<InboxView> {
    const now = this.clock.now();
    const rows = await inboxRows(this.readModels.db, tenantId, personId, reader.sight);
    const approvals = (await this.approvalsFor(tenantId, personId, approver)).filter((row) =>
      isTeamDeal(reader.scope, row.team_id),
    );
    return buildInbox(personId, rows, approvals, now);
  }

  private async approvalsFor(tenantId: string, personId: string, approver: Approver): Promise<PendingApprovalRow[]> {
    if (approver.kind === 'none') return [];
    const notOwn = (await pendingApprovals(this.readModels.db, tenantId)).filter(
      (row) => row.requested_by !== personId,
    );
    if (approver.kind === 'any_sales_manager') return notOwn;
    const ars = [...new Set(notOwn.flatMap((row) => (row.ar_id === null ? [] : [row.ar_id])))];
    if (ars.length === 0) return [];
    const records = await this.people.lookup(tenantId, ars);
    return notOwn.filter((row) => row.ar_id !== null && records.get(row.ar_id)?.salesManager === personId);
  }
}
