import type { RecordedEvent } from '#ltc/event-store';
import { leadScoringProcessManager } from '#ltc/lead-scoring';
import { routingPartition } from './routing-partition.js';

function recorded(stream: string, type: string, data: Record<string, unknown> = {}): RecordedEvent {
  return {
    id: `${stream}:${type}`,
    stream,
    revision: 0n,
    position: 1n,
    type,
    data,
    metadata: { tenantId: 'acme', correlationId: 'c', causationId: 'c', actor: { userId: 'u', role: 'ar' } },
    recordedAt: new Date(0),
  } as RecordedEvent;
}

describe('Lead routing › which events are routed side by side', () => {
  it('routes leads side by side, each lead in order', () => {
    expect(routingPartition(recorded('lead-1', 'LeadCaptured'))).toBe('lead-1');
    expect(routingPartition(recorded('lead-2', 'LeadScored'))).toBe('lead-2');
    expect(routingPartition(recorded('lead-3', 'LeadAssigned', { method: 'round_robin' }))).toBe('lead-3');
  });

  it('applies alone every event that changes a load no routing decision counted', () => {
    for (const type of ['LeadPooled', 'LeadRecycled', 'LeadDisqualified', 'LeadArchived', 'LeadConverted']) {
      expect(routingPartition(recorded('lead-1', type))).toBeUndefined();
    }
    for (const method of ['cherry_pick', 'blind_pull', 'shark_tank', 'shotgun', 'manual']) {
      expect(routingPartition(recorded('lead-1', 'LeadAssigned', { method }))).toBeUndefined();
    }
    expect(routingPartition(recorded('rep-ana', 'RepDeactivated', { repId: 'ana' }))).toBeUndefined();
  });
});

describe('Lead scoring › which events are scored side by side', () => {
  const manager = leadScoringProcessManager({} as Parameters<typeof leadScoringProcessManager>[0]);

  it('scores leads side by side, each lead in order; a new model waits for all and holds back all', () => {
    expect(manager.partitionKey?.(recorded('lead-1', 'LeadCaptured'))).toBe('lead-1');
    expect(manager.partitionKey?.(recorded('lead-1', 'LeadTagged'))).toBe('lead-1');
    expect(manager.partitionKey?.(recorded('scoringModel-acme', 'ScoringModelChanged'))).toBeUndefined();
  });
});
