import type { RecordedEvent } from '#ltc/event-store';
import type { LeadEvent, Lead } from '#ltc/leads/domain';
import { SALES_MANAGERS, recordNotification, type NotificationKind } from './lead-notifications.js';
import type { RoutingDeps } from './route-lead.js';
import { announceWaitingLead } from './waiting-digest.js';

/** Who is told what about a lead event (the message follows "Lead "<name>""). */
interface Notice {
  readonly recipientId: string;
  readonly kind: NotificationKind;
  readonly what: string;
}

/**
 * The notifications a lead event causes: offers and warnings to the rep, a breach to the
 * rep's manager, a shark-tank pool to every rep told, a deferral to the team's waiting-lead
 * digest. Each id comes from the event and the recipient, so handling or rebuilding the
 * event again adds nothing. The manager is the one the directory knows when the event is
 * folded (a rebuild after a team changed managers tells the new one).
 */
export async function recordNotices(
  deps: Pick<RoutingDeps, 'db' | 'directory'>,
  recorded: RecordedEvent,
  event: LeadEvent,
  lead: Lead,
): Promise<void> {
  const tenantId = recorded.metadata.tenantId;
  if (event.type === 'LeadRoutingDeferred') return announceWaitingLead(deps, tenantId, event.data);
  const at =
    'at' in event.data && typeof event.data.at === 'string' ? event.data.at : recorded.recordedAt.toISOString();
  for (const notice of await noticesOf(deps, tenantId, event)) {
    await recordNotification(deps.db, {
      causeId: recorded.id,
      tenantId,
      recipientId: notice.recipientId,
      leadId: lead.leadId,
      kind: notice.kind,
      message: `Lead "${lead.profile.name}" ${notice.what}`,
      at,
    });
  }
}

async function noticesOf(
  deps: Pick<RoutingDeps, 'directory'>,
  tenantId: string,
  event: LeadEvent,
): Promise<readonly Notice[]> {
  switch (event.type) {
    case 'LeadOffered': {
      const { repId, round, expiresAt } = event.data;
      return [{ recipientId: repId, kind: 'lead_offered', what: `offered to you (round ${round}) until ${expiresAt}` }];
    }
    case 'LeadResponseWarning':
      return [
        {
          recipientId: event.data.repId,
          kind: 'response_warning',
          what: `first contact is due by ${event.data.dueAt}`,
        },
      ];
    case 'LeadRecycleWarning':
      return [
        {
          recipientId: event.data.repId,
          kind: 'recycle_warning',
          what: `returns to the pool at ${event.data.recycleAt} unless it makes progress`,
        },
      ];
    case 'LeadPooled':
      if (event.data.method !== 'shark_tank') return [];
      return event.data.notifiedRepIds.map((repId) => ({
        recipientId: repId,
        kind: 'pooled_shark_tank',
        what: 'is in the shark tank: the first rep to claim it gets it',
      }));
    case 'LeadResponseSlaBreached': {
      const d = event.data;
      if (d.escalation === 'reassign') return [];
      const manager = (await deps.directory.managerOf(tenantId, d.repId)) ?? SALES_MANAGERS;
      const also = d.escalation === 'notify_manager_and_reassign' ? '; it is being reassigned' : '';
      return [
        {
          recipientId: manager,
          kind: 'response_breached',
          what: `${d.repId} missed the first-contact target (due ${d.dueAt})${also}`,
        },
      ];
    }
    default:
      return [];
  }
}
