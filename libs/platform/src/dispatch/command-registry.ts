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
    await this.routeOf(command.type)(command.payload, context);
  }

  /**
   * Sends a command like `dispatch` and answers what its route returns, for a sender that
   * needs the outcome (the id of what the command created). The route decides its shape:
   * a sender reads it as the registering context documents it.
   */
  async request(type: string, payload: Readonly<Record<string, unknown>>, context: DispatchContext): Promise<unknown> {
    return await this.routeOf(type)(payload, context);
  }

  private routeOf(type: string): DispatchRoute {
    const route = this.routes.get(type);
    if (!route) throw new UnknownCommandTypeError(type);
    return route;
  }
}
