import type { RecordedEvent } from '#ltc/event-store';
import type { ComparisonSection } from '#ltc/platform';
import { DEFAULT_DISTRIBUTION_POLICY, type DistributionPolicy } from '../distribution/domain/distribution-policy.js';
import { DistributionReplay } from './distribution-replay.js';

/**
 * The distribution replay on a hand-written history: two reps with room for one open lead
 * each, three leads, the third waiting until the first converts.
 */

const TENANT = 'acme';
let position = 0n;

function recorded(stream: string, type: string, data: Record<string, unknown>): RecordedEvent {
  position += 1n;
  return {
    id: `event-${position}`,
    stream,
    revision: 0n,
    position,
    type,
    data,
    metadata: {
      actor: { userId: 'system', role: 'system' },
      correlationId: 'c',
      causationId: 'c',
      commandId: `command-${position}`,
      tenantId: TENANT,
      schemaVersion: 1,
    },
    recordedAt: new Date(0),
  };
}

const at = (minutes: number): string => new Date(Date.UTC(2026, 2, 2, 9, minutes)).toISOString();

const rep = (repId: string) =>
  recorded(`rep-${repId}`, 'RepRegistered', {
    repId,
    name: repId,
    email: `${repId}@acme.example`,
    roles: ['ar'],
    teamId: null,
    territories: { regions: [], languages: [], industries: [], dealSizeBands: [] },
    capacity: { maxOpenLeads: 1, dailyQuota: 0 },
    registeredAt: at(0),
  });

const captured = (leadId: string, minute: number) =>
  recorded(`lead-${leadId}`, 'LeadCaptured', {
    leadId,
    name: `Lead ${leadId}`,
    company: null,
    contact: { person: null, email: `${leadId}@buyer.example`, phone: null },
    source: 'website',
    region: 'EMEA',
    complete: true,
    capturedAt: at(minute),
  });

const assigned = (leadId: string, repId: string, minute: number, method = 'round_robin') =>
  recorded(`lead-${leadId}`, 'LeadAssigned', {
    leadId,
    repId,
    previousRepId: null,
    assignmentNo: 1,
    method,
    policyVersion: null,
    candidates: [],
    reason: 'recorded',
    responseDueAt: at(minute + 5),
    at: at(minute),
  });

const attempted = (leadId: string, repId: string, minute: number, secondsSinceAssignment: number) =>
  recorded(`lead-${leadId}`, 'LeadContactAttempted', {
    leadId,
    repId,
    attemptNo: 1,
    channel: 'phone',
    outcome: 'reached',
    note: null,
    secondsSinceAssignment,
    at: at(minute),
  });

/** ana takes L1, bo L2; L3 finds both at capacity and waits until L1 converts, then goes to ana. */
const HISTORY: readonly RecordedEvent[] = [
  rep('ana'),
  rep('bo'),
  captured('l1', 1),
  assigned('l1', 'ana', 1),
  attempted('l1', 'ana', 2, 60),
  captured('l2', 3),
  assigned('l2', 'bo', 3),
  attempted('l2', 'bo', 13, 600),
  captured('l3', 4),
  recorded('lead-l3', 'LeadRoutingDeferred', {
    leadId: 'l3',
    reason: 'all_at_capacity',
    detail: 'all 2 active reps at capacity',
    teamId: null,
    importBatchId: null,
    at: at(4),
  }),
  recorded('lead-l1', 'LeadQualified', {
    leadId: 'l1',
    budget: 'yes',
    authority: 'yes',
    need: 'yes',
    timeline: 'Q3',
    at: at(20),
  }),
  recorded('lead-l1', 'LeadConverted', { leadId: 'l1', dealId: 'deal-1', repId: 'ana', at: at(30) }),
  assigned('l3', 'ana', 30),
  attempted('l3', 'ana', 31, 60),
];

function replay(policy: DistributionPolicy | null): readonly ComparisonSection[] {
  const simulation = new DistributionReplay({
    policy,
    period: { from: new Date(at(0)), to: new Date(at(59)) },
    scope: null,
  });
  for (const event of HISTORY) simulation.apply(event);
  return simulation.outcome().sections;
}

const rows = (sections: readonly ComparisonSection[], name: string) =>
  Object.fromEntries(
    (sections.find((section) => section.name === name)?.rows ?? []).map((row) => [
      row.key,
      [row.actual, row.simulated],
    ]),
  );

describe('DistributionReplay', () => {
  it('under the recorded policy waits for room exactly as routing did, and routes the waiting lead when room frees', () => {
    const sections = replay(null);
    expect(rows(sections, 'assignments_per_rep')).toEqual({ ana: [2, 2], bo: [1, 1] });
    expect(rows(sections, 'routing_waits')).toEqual({ all_at_capacity: [1, 1] });
    expect(rows(sections, 'distribution_outcomes')).toMatchObject({ assigned: [2, 2], waited: [1, 1] });
    expect(rows(sections, 'first_contact')).toMatchObject({ within_target: [2, 2], missed_target: [1, 1] });
  });

  it('a pooling policy leaves each lead to whoever actually took it, when they did', () => {
    const sections = replay({ ...DEFAULT_DISTRIBUTION_POLICY, method: 'cherry_pick', claimCapPerRep: 5 });
    expect(rows(sections, 'distribution_outcomes')).toMatchObject({ assigned: [2, 0], pooled: [0, 3], waited: [1, 0] });
    expect(rows(sections, 'assignments_per_rep')).toEqual({ ana: [2, 2], bo: [1, 1] });
    expect(rows(sections, 'routing_waits')).toEqual({ all_at_capacity: [1, 0] });
  });

  it('ignores what is dated at or after the end of the period', () => {
    const simulation = new DistributionReplay({
      policy: null,
      period: { from: new Date(at(0)), to: new Date(at(4)) },
      scope: null,
    });
    for (const event of HISTORY) simulation.apply(event);
    expect(rows(simulation.outcome().sections, 'assignments_per_rep')).toEqual({ ana: [1, 1], bo: [1, 1] });
  });
});
