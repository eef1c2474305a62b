import type { ChildProcess } from 'node:child_process';
import { runNode, typeScriptNodeArgs } from '#ltc/testing';

/** A child process running one TypeScript file of this repository (current sources, never a stale build). */
export interface TsChild {
  readonly child: ChildProcess;
  /** Everything it wrote so far (stdout and stderr). */
  output(): string;
  /** Resolves when a line equal to `line` appears on stdout; rejects if the process ends first. */
  waitForLine(line: string, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code, or the signal that ended it. */
  readonly exited: Promise<number | string>;
}

export function startTsChild(entry: string, args: readonly string[]): TsChild {
  const run = runNode([...typeScriptNodeArgs(), entry, ...args], {});
  const { child } = run;
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  let pending = '';
  const wakeAll = () => {
    for (const wake of waiters.splice(0)) wake();
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    lines.push(...complete);
    wakeAll();
  });
  child.on('exit', wakeAll);
  return {
    child,
    output: () => run.output(),
    exited: run.exited,
    async waitForLine(line, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!lines.includes(line)) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`The process ended before printing "${line}":\n${run.output()}`);
        }
        if (Date.now() > deadline) throw new Error(`No "${line}" within ${timeoutMs} ms:\n${run.output()}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
  };
}
