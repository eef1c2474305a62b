import { aggregateStream } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { parseRoutingRulesEvent, routingRulesDecider, type RoutingRulesState } from '../domain/routing-rules.js';
import { routingRulesStream } from './routing-rules.stream.js';

/** The tenant's routing rules, read from their stream (a change saved a moment ago already applies). */
export async function loadRoutingRules(
  store: EventStore,
  tenantId: string,
): Promise<RoutingRulesState & { readonly revision: bigint | undefined }> {
  const { state, revision } = await aggregateStream(store, routingRulesDecider, routingRulesStream(tenantId), {
    parse: parseRoutingRulesEvent,
  });
  return { ...state, revision };
}
