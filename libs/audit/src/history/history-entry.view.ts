import { plainPosition } from '../trail/audit-trail.table.js';
import type { TrailEntryRow } from './history.queries.js';

/**
 * What caused an entry:
 * - `command`: a person's (or a service token's) command, sent through the API;
 * - `process`: the engine reacting to an earlier event (a process manager);
 * - `timer`: a durable timer that came due;
 * - `unknown`: the cause is not in the log (e.g. written by a tool outside the engine).
 */
export type CauseKind = 'command' | 'process' | 'timer' | 'unknown';

export interface CauseView {
  readonly kind: CauseKind;
  /** For people: "command by rep-ingrid (ar)", "reacting to LeadQualified in lead-…". */
  readonly description: string;
  /** The causing event, when the cause is one. */
  readonly eventId: string | null;
  readonly type: string | null;
  readonly stream: string | null;
}

export interface HistoryEntryView {
  readonly position: string;
  readonly eventId: string;
  readonly dealId: string | null;
  readonly stream: string;
  readonly kind: string;
  readonly revision: number;
  readonly type: string;
  readonly summary: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly userId: string; readonly role: string };
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly cause: CauseView;
}

const SYSTEM = 'system';
const TIMER_TYPES = new Set(['TimerScheduled', 'TimerFired']);

/** An entry's cause, from its own metadata and the entry its causation id names (when in the log). */
export function causeOf(row: TrailEntryRow, causing: TrailEntryRow | undefined): CauseView {
  if (causing !== undefined) {
    const timer = TIMER_TYPES.has(causing.type);
    return {
      kind: timer ? 'timer' : 'process',
      description: timer
        ? `timer ${causing.stream} (${causing.summary})`
        : `reacting to ${causing.type} in ${causing.stream}`,
      eventId: causing.event_id,
      type: causing.type,
      stream: causing.stream,
    };
  }
  if (row.causation_id === row.command_id && row.actor_user_id !== SYSTEM) {
    return {
      kind: 'command',
      description: `command by ${row.actor_user_id} (${row.actor_role})`,
      eventId: null,
      type: null,
      stream: null,
    };
  }
  return { kind: 'unknown', description: `caused by ${row.causation_id}`, eventId: null, type: null, stream: null };
}

export function historyEntryView(row: TrailEntryRow, causing: TrailEntryRow | undefined): HistoryEntryView {
  return {
    position: plainPosition(row.position),
    eventId: row.event_id,
    dealId: row.deal_id,
    stream: row.stream,
    kind: row.stream_kind,
    revision: Number(row.revision),
    type: row.type,
    summary: row.summary,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actor: { userId: row.actor_user_id, role: row.actor_role },
    commandId: row.command_id,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    cause: causeOf(row, causing),
  };
}
