import { sql } from 'kysely';
import type { EventStore } from '#ltc/event-store';
import type { ReadModelHandle } from '#ltc/projections';

export interface CheckResult {
  status: 'up' | 'down';
  error?: string;
}

export interface EngineHealth {
  readonly up: boolean;
  readonly body: { status: 'ok' | 'unavailable'; checks: { eventStore: CheckResult; readModels: CheckResult } };
}

/** Whether the event store and the read-model database both answer: what `GET /health` tells, API or worker. */
export async function engineHealth(store: EventStore, readModels: ReadModelHandle): Promise<EngineHealth> {
  const [eventStore, readModelCheck] = await Promise.all([
    check(() => store.ping()),
    check(async () => {
      await sql`select 1`.execute(readModels.db);
    }),
  ]);
  const up = eventStore.status === 'up' && readModelCheck.status === 'up';
  return { up, body: { status: up ? 'ok' : 'unavailable', checks: { eventStore, readModels: readModelCheck } } };
}

async function check(probe: () => Promise<void>): Promise<CheckResult> {
  try {
    await probe();
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}
