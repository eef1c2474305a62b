import type { AggregatedStream } from '#ltc/commanding';
import type { ContractEvent } from '../domain/contract.events.js';
import type { ContractState } from '../domain/contract.state.js';
import { evolveContract } from '../domain/contract.evolve.js';

/** Where the actor stood on the contract when they acted: a triangle seat, a manager, or the engine. */
export type ContractSeat = 'ar' | 'sr' | 'fr' | 'sponsor' | 'manager' | 'system' | null;

export interface ContractTimelineEntry {
  readonly revision: number;
  readonly at: string;
  readonly type: string;
  /** Who: the token subject that sent the command (`system` for timers and process managers). */
  readonly actor: string;
  readonly role: string;
  readonly seat: ContractSeat;
  /** Why, where they said: a reason, a note, a value difference's reason. */
  readonly reason: string | null;
  /** What changed: the event's data without the fields shown above. */
  readonly change: Record<string, unknown>;
}

const MANAGER_ROLES: ReadonlySet<string> = new Set(['sales_manager', 'admin']);
const SHOWN_ELSEWHERE = new Set(['contractId', 'actor', 'at', 'reason']);

/**
 * The contract's full history, each event with who, their seat at that moment (the state folded
 * up to just before it, so the handover does not rewrite who the FR was), when and why.
 */
export function contractTimelineOf(folded: AggregatedStream<ContractEvent, ContractState>): ContractTimelineEntry[] {
  let state: ContractState = { status: 'none' };
  const entries: ContractTimelineEntry[] = [];
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
    state = evolveContract(state, event);
  }
  return entries;
}

function seatOf(before: ContractState, event: ContractEvent, userId: string, role: string): ContractSeat {
  if (role === 'system') return 'system';
  const triangle =
    before.status === 'none' ? (event.type === 'ContractDrafted' ? event.data.triangle : null) : before.triangle;
  const fr = before.status === 'none' ? triangle?.fr : (before.handedOverTo ?? triangle?.fr);
  if (triangle?.ar === userId) return 'ar';
  if (triangle?.sr === userId) return 'sr';
  if (fr === userId) return 'fr';
  if (triangle?.sponsor === userId) return 'sponsor';
  return MANAGER_ROLES.has(role) ? 'manager' : null;
}

function reasonOf(data: Record<string, unknown>): string | null {
  for (const key of ['reason', 'valueDifferenceReason', 'note', 'notes']) {
    const value = data[key];
    if (typeof value === 'string') return value;
  }
  return null;
}
