import type { AggregatedStream } from '#ltc/commanding';
import { evolveOpportunity } from '../domain/opportunity.evolve.js';
import type { OpportunityEvent } from '../domain/opportunity.events.js';
import { initialOpportunityState, type OpportunityState } from '../domain/opportunity.state.js';

/** Where the actor stood on the deal when they acted: a triangle seat, a manager, or the engine. */
export type TimelineSeat = 'ar' | 'sr' | 'fr' | 'sponsor' | 'manager' | 'system' | null;

export interface TimelineEntry {
  readonly revision: number;
  readonly at: string;
  readonly type: string;
  /** Who: the token subject that sent the command (`system` for the engine's own timers and process managers). */
  readonly actor: string;
  readonly role: string;
  readonly seat: TimelineSeat;
  /** Why, where they said: a reason, a decline's or rejection's reason, a loss's or approval's note. */
  readonly reason: string | null;
  /** What changed: the event's data without the fields shown above. */
  readonly change: Record<string, unknown>;
}

const MANAGER_ROLES: ReadonlySet<string> = new Set(['sales_manager', 'admin']);
const SHOWN_ELSEWHERE = new Set(['opportunityId', 'actor', 'at', 'reason']);

/**
 * The deal's full history, each event with who, their seat at that moment (the state
 * folded up to just before it, so a later change of seats does not rewrite the past),
 * when and why. Built from the deal's own stream, which the detail reads anyway.
 */
export function timelineOf(folded: AggregatedStream<OpportunityEvent, OpportunityState>): TimelineEntry[] {
  let state: OpportunityState = initialOpportunityState();
  const entries: TimelineEntry[] = [];
  for (const { recorded, event } of folded.events) {
    if (!event) continue;
    const { userId, role } = recorded.metadata.actor;
    const data = event.data as unknown as Record<string, unknown>;
    entries.push({
      revision: Number(recorded.revision),
      at: typeof data['at'] === 'string' ? data['at'] : recorded.recordedAt.toISOString(),
      type: event.type,
      actor: userId,
      role,
      seat: seatOf(state, event, userId, role),
      reason: reasonOf(data),
      change: Object.fromEntries(Object.entries(data).filter(([key]) => !SHOWN_ELSEWHERE.has(key))),
    });
    state = evolveOpportunity(state, event);
  }
  return entries;
}

function seatOf(before: OpportunityState, event: OpportunityEvent, userId: string, role: string): TimelineSeat {
  if (role === 'system') return 'system';
  const triangle = before.status === 'none' ? null : before.triangle;
  // The deal opens with its owner as AR: whoever opens it for themselves acts as AR.
  if (event.type === 'OpportunityOpened' && event.data.owner === userId) return 'ar';
  if (triangle?.ar === userId) return 'ar';
  if (triangle?.sr === userId) return 'sr';
  if (triangle?.fr === userId) return 'fr';
  if (triangle?.sponsor === userId) return 'sponsor';
  return MANAGER_ROLES.has(role) ? 'manager' : null;
}

function reasonOf(data: Record<string, unknown>): string | null {
  for (const key of ['reason', 'note']) {
    const value = data[key];
    if (typeof value === 'string') return value;
  }
  return null;
}
