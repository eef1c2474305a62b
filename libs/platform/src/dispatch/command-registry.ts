import { Injectable } from '@nestjs/common';
import type { CommandDispatcher, DispatchableCommand, DispatchContext } from '#ltc/commanding';

export type DispatchRoute = (payload: Readonly<Record<string, unknown>>, context: DispatchContext) => Promise<unknown>;

/** A stored command named a type no module registered. */
export class UnknownCommandTypeError extends Error {
  constructor(readonly commandType: string) {
    super(`No handler registered for command type "${commandType}"`);
    this.name = 'UnknownCommandTypeError';
  }
}

/**
 * Routes serialised commands (from process managers and durable timers) to the
 * handlers that bounded contexts register at start-up under a stable type name.
 */
@Injectable()
export class CommandRegistry implements CommandDispatcher {
  private readonly routes = new Map<string, DispatchRoute>();

  register(type: string, route: DispatchRoute): void {
    if (this.routes.has(type)) throw new Error(`Command type "${type}" registered twice`);
    this.routes.set(type, route);
  }

  async dispatch(command: DispatchableCommand, context: DispatchContext): Promise<void> {
    const route = this.routes.get(command.type);
    if (!route) throw new UnknownCommandTypeError(command.type);
    await route(command.payload, context);
  }
}
