import { userInfo } from 'node:os';
import { SystemClock } from '#ltc/clock';
import type { Actor, EventStore } from '#ltc/event-store';
import { ReadAudit } from './read-audit.js';

/**
 * The operator running a command-line export, as the read log names them: their login on
 * the machine. The command line has no token; whoever can run it can open the store files,
 * so this records a courtesy trail, not a control (ADR 0027).
 */
export function commandLineOperator(): Actor {
  let login = 'unknown';
  try {
    login = userInfo().username || login;
  } catch {
    // No passwd entry (some containers): the read is still recorded.
  }
  return { userId: `cli:${login}`, role: 'operator' };
}

/** Records a command-line export in the read log of every tenant whose records it handed out. */
export async function recordCommandLineExport(
  store: EventStore,
  read: {
    readonly route: string;
    readonly recordsPerTenant: ReadonlyMap<string, number>;
    readonly filters: Readonly<Record<string, string>>;
    readonly format: string;
  },
): Promise<void> {
  const audit = new ReadAudit(store, new SystemClock());
  const actor = commandLineOperator();
  for (const [tenantId, records] of read.recordsPerTenant) {
    await audit.record({
      tenantId,
      actor,
      kind: 'event_export',
      target: null,
      filters: read.filters,
      format: read.format,
      route: read.route,
      records,
    });
  }
}
