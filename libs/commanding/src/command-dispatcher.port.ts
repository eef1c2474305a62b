import type { Actor } from '#ltc/event-store';

/**
 * A command in serialisable form, so that process managers and durable timers can
 * store it and send it later. `type` names a registered command (e.g. `lead.escalateResponse`).
 */
export interface DispatchableCommand {
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Who sends a command and why; becomes the metadata of the events it produces. */
export interface DispatchContext {
  /** Makes the command take effect once however often it is sent. */
  readonly idempotencyKey: string;
  readonly actor: Actor;
  readonly tenantId: string;
  readonly correlationId: string;
  /** The event or timer that caused this command. */
  readonly causationId: string;
}

/** Sends a stored command to the handler registered for its type. */
export interface CommandDispatcher {
  dispatch(command: DispatchableCommand, context: DispatchContext): Promise<void>;
}

export const COMMAND_DISPATCHER = Symbol('CommandDispatcher');
