import type { EventMetadata, EventStore, EventToAppend } from '#ltc/event-store';
import { LEAD_SOURCES } from '#ltc/leads';

/**
 * Real lead histories for `bench:scale`, written straight into the store (no HTTP, no
 * commands): captured, scored, sometimes tagged, then assigned (and contacted) or pooled,
 * or left new. The mix gives every documented filter of `GET /leads` rows to find, rare
 * values included (one region in 50, tier A on one lead in 10).
 */
export const BENCH_TENANT = 'acme';
export const REPS = 200;
const FIRST = ['anna', 'bjorn', 'carla', 'dario', 'elin', 'farid', 'greta', 'hugo', 'ines', 'jonas', 'kaija', 'lars'];
const LAST = ['muller', 'berg', 'rossi', 'novak', 'lind', 'haddad', 'weber', 'costa', 'ek', 'silva', 'virtanen'];
const COMPANY = ['kestrel', 'nordwind', 'falke', 'orion', 'tessera', 'lumen', 'vega', 'ardent', 'borealis'];
const SUFFIX = ['gmbh', 'ab', 'oy', 'ltd', 'sa', 'bv'];
const REGIONS = ['emea', 'amer', 'apac', 'dach', 'nordics', 'benelux', 'iberia', 'baltics', 'latam', 'anz'];
const TEAMS = ['emea-north', 'emea-south', 'amer-east', null];
const TAGS = ['price-first', 'value-first', 'risk-averse'];
const BASE_TIME = Date.UTC(2025, 0, 1);

/** Lead n's id: a valid UUID that sorts and reads back as n. */
export function benchLeadId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const benchRepId = (n: number): string => `rep-${n % REPS}`;

/** The rarest region: one lead in 50 (every tenth region value, one lead in five gets it). */
export const RARE_REGION = 'anz';

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** The events of lead n, oldest first (3.5 on average). */
export function leadHistory(n: number): EventToAppend[] {
  const leadId = benchLeadId(n);
  const at = (step: number): string => new Date(BASE_TIME + n * 1000 + step * 60_000).toISOString();
  const first = pick(FIRST, n);
  const last = pick(LAST, Math.floor(n / 7));
  const company = pick(COMPANY, Math.floor(n / 3));
  const meta = metadata(n);
  const events: EventToAppend[] = [
    {
      type: 'LeadCaptured',
      metadata: meta,
      data: {
        leadId,
        name: `${first} ${last}`,
        company: `${company} ${pick(SUFFIX, n)}`,
        contact: {
          person: `${first} ${last}`,
          email: `${first}.${last}.${n}@${company}.example`,
          phone: `+49 30 ${n}`,
        },
        source: pick(LEAD_SOURCES, n),
        // One lead in five in a region of the long tail, the others in the first five.
        region: n % 5 === 0 ? pick(REGIONS, 5 + Math.floor(n / 5)) : pick(REGIONS, n),
        team: pick(TEAMS, Math.floor(n / 11)),
        complete: true,
        capturedAt: at(0),
      },
    },
    {
      type: 'LeadScored',
      metadata: meta,
      data: {
        leadId,
        score: (n * 37) % 100,
        tier: n % 10 === 0 ? 'A' : n % 3 === 0 ? 'B' : 'C',
        attemptTarget: 3,
        responseTargetSeconds: 3600,
        modelVersion: 1,
        breakdown: [],
        at: at(1),
      },
    },
  ];
  if (n % 3 === 0) {
    events.push({
      type: 'LeadTagged',
      metadata: meta,
      data: { leadId, category: 'cognitive_mode', tag: pick(TAGS, Math.floor(n / 3)), at: at(2) },
    });
  }
  const route = n % 10;
  if (route < 6) {
    const repId = benchRepId(n);
    events.push({
      type: 'LeadAssigned',
      metadata: meta,
      data: {
        leadId,
        repId,
        previousRepId: null,
        assignmentNo: 1,
        method: 'round_robin',
        policyVersion: 1,
        candidates: [],
        reason: 'next in turn',
        responseDueAt: at(60),
        at: at(3),
      },
    });
    if (route % 2 === 0) {
      events.push({
        type: 'LeadContactAttempted',
        metadata: meta,
        data: {
          leadId,
          repId,
          attemptNo: 1,
          channel: 'phone',
          outcome: 'no_answer',
          note: null,
          secondsSinceAssignment: 60,
          at: at(4),
        },
      });
    }
  } else if (route < 9) {
    const method = pick(['cherry_pick', 'shark_tank', 'blind_pull'], route);
    events.push({
      type: 'LeadPooled',
      metadata: meta,
      data: { leadId, method, policyVersion: 1, notifiedRepIds: [], reason: 'no rep free', at: at(3) },
    });
  }
  return events;
}

function metadata(n: number): EventMetadata {
  const id = `bench-${n}`;
  return {
    actor: { userId: 'system', role: 'system' },
    correlationId: id,
    causationId: id,
    commandId: id,
    tenantId: BENCH_TENANT,
    schemaVersion: 1,
  };
}

/**
 * Appends lead histories until `events` events are stored, each lead's history in one
 * append and `inFlight` appends at a time (group commit batches them). Returns the leads written.
 */
export async function writeLeadHistories(
  store: EventStore,
  events: number,
  inFlight = 32,
  onProgress: (written: number) => void = () => undefined,
): Promise<number> {
  let written = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (written < events) {
      const n = next++;
      const history = leadHistory(n);
      written += history.length;
      await store.appendToStream(`lead-${benchLeadId(n)}`, history, { expectedRevision: 'no_stream' });
      if (n % 20_000 === 0) onProgress(written);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return next;
}
