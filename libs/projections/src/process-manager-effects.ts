import type { DispatchableCommand } from '#ltc/commanding';
import type { DispatchOptions, ProcessManagerContext, ScheduleTimerRequest } from './process-manager.js';

/**
 * What a process manager's decision asks for, as data: a pure `decide` returns these and
 * the runner carries them out, so the decision can be tested without a store, a database
 * or a clock. Every effect is idempotent when repeated (keys derived from the event).
 */
export type ProcessManagerEffect =
  | { readonly kind: 'dispatch'; readonly command: DispatchableCommand; readonly options?: DispatchOptions }
  | { readonly kind: 'schedule'; readonly timer: Omit<ScheduleTimerRequest, 'context'> }
  | { readonly kind: 'cancel'; readonly timerId: string };

/** Carries out decided effects in the order given (dispatch keys depend on that order). */
export async function runEffects(ctx: ProcessManagerContext, effects: readonly ProcessManagerEffect[]): Promise<void> {
  for (const effect of effects) {
    if (effect.kind === 'dispatch') await ctx.dispatch(effect.command, effect.options);
    else if (effect.kind === 'schedule') await ctx.schedule(effect.timer);
    else await ctx.cancel(effect.timerId);
  }
}
