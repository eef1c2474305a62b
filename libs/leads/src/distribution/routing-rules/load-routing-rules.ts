import type { EventStore } from '#ltc/event-store';
import { routingRulesDecider, type RoutingRulesEvent, type RoutingRulesState } from '../domain/routing-rules.js';
import { routingRulesStream } from './routing-rules.stream.js';

/** The tenant's routing rules, read from their stream (a change saved a moment ago already applies). */
export async function loadRoutingRules(
  store: EventStore,
  tenantId: string,
): Promise<RoutingRulesState & { readonly revision: bigint | undefined }> {
  const history = await store.readStream(routingRulesStream(tenantId));
  const state = history.reduce(
    (s, e) => routingRulesDecider.evolve(s, { type: e.type, data: e.data } as RoutingRulesEvent),
    routingRulesDecider.initialState(),
  );
  return { ...state, revision: history.at(-1)?.revision };
}
