import type { CommandDispatcher, DispatchContext, DispatchableCommand } from '#ltc/commanding';
import type { RunnerLogger } from '#ltc/projections';

/**
 * The service a timer's command goes to, in front of the real command path: it can be down
 * for some targets (it refuses before anything takes effect, as a CRM that does not answer)
 * or hold a command in flight until the test lets it go. Counts every try, failed or not.
 */
export class Downstream implements CommandDispatcher {
  readonly tries: string[] = [];
  readonly down = new Set<string>();
  private readonly held = new Map<string, Promise<void>>();

  constructor(private readonly commandPath: CommandDispatcher) {}

  async dispatch(command: DispatchableCommand, context: DispatchContext): Promise<void> {
    const target = String(command.payload.target);
    this.tries.push(target);
    if (this.down.has(target)) throw new Error(`${target} is down`);
    await this.held.get(target);
    await this.commandPath.dispatch(command, context);
  }

  /** How often a command for `target` was tried. */
  triesOf(target: string): number {
    return this.tries.filter((tried) => tried === target).length;
  }

  /** Holds the commands for `target` in flight; returns the function that lets them through. */
  hold(target: string): () => void {
    let release = (): void => undefined;
    this.held.set(target, new Promise<void>((resolve) => (release = resolve)));
    return () => release();
  }
}

/** A logger that keeps what the scheduler tells operators. */
export function recordingLogger(): RunnerLogger & { readonly lines: [string, Record<string, unknown>, string][] } {
  const lines: [string, Record<string, unknown>, string][] = [];
  return {
    lines,
    error: (context, message) => lines.push(['error', context, message]),
    warn: (context, message) => lines.push(['warn', context, message]),
  };
}
