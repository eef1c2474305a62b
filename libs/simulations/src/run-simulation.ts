import { readLog, type EventStore } from '#ltc/event-store';
import type { PolicySimulation, SimulationOutcome, SimulationRequest } from '#ltc/platform';

export interface SimulationRun extends SimulationOutcome {
  readonly eventsRead: number;
}

/**
 * Replays a tenant's history through one simulation: the log is read once, in log order, up
 * to the head as it stood when the run began, filtered to what the simulation reads. Nothing
 * is written. The replay itself ignores facts dated at or after the period's end, so events
 * recorded later do not change the answer.
 */
export async function runSimulation(
  store: EventStore,
  tenantId: string,
  simulation: PolicySimulation,
  request: SimulationRequest<unknown>,
): Promise<SimulationRun> {
  const upTo = await store.readHeadPosition();
  const replay = simulation.start(request);
  let eventsRead = 0;
  for await (const event of readLog(store, { upTo, filter: simulation.reads })) {
    if (event.metadata.tenantId !== tenantId) continue;
    eventsRead += 1;
    replay.apply(event);
  }
  return { ...replay.outcome(), eventsRead };
}
