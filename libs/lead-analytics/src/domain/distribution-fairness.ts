/** Assignments of one rep by one method in the window. */
export interface AssignmentCount {
  readonly repId: string;
  readonly method: string;
  readonly count: number;
}

/** What the organisation knows of a rep (absent for reps it does not know). */
export interface RepCapacity {
  readonly repId: string;
  readonly teamId: string | null;
  readonly maxOpenLeads: number;
  readonly active: boolean;
}

export interface MethodCount {
  readonly method: string;
  readonly assignments: number;
}

export interface MethodShare extends MethodCount {
  /** Of all assignments in the window; null when there were none. */
  readonly share: number | null;
}

export interface RepFairness {
  readonly repId: string;
  readonly teamId: string | null;
  readonly assignments: number;
  /** Of all assignments in the window; null when there were none. */
  readonly share: number | null;
  readonly byMethod: MethodCount[];
  readonly openLeads: number;
  /** Most open leads the rep should hold; null for a rep the organisation does not know. */
  readonly capacity: number | null;
  /** Open leads / capacity; null without a capacity. */
  readonly utilisation: number | null;
  readonly overCapacity: boolean;
}

export interface DistributionFairness {
  readonly totalAssignments: number;
  readonly methods: MethodShare[];
  readonly reps: RepFairness[];
  /** Reps holding more open leads than their capacity, by rep id. */
  readonly overCapacity: string[];
}

/**
 * Who got how many leads, how, and how loaded each rep is now. Every active rep is
 * listed (a rep who got nothing is part of the picture), and so is anyone with
 * assignments or open leads; reps come most assignments first, then by id.
 */
export function distributionFairness(input: {
  readonly counts: readonly AssignmentCount[];
  readonly reps: readonly RepCapacity[];
  readonly openLeads: ReadonlyMap<string, number>;
}): DistributionFairness {
  const total = input.counts.reduce((sum, c) => sum + c.count, 0);
  const share = (n: number): number | null => (total > 0 ? n / total : null);
  const known = new Map(input.reps.map((rep) => [rep.repId, rep]));
  const repIds = new Set<string>([
    ...input.reps.filter((rep) => rep.active).map((rep) => rep.repId),
    ...input.counts.map((c) => c.repId),
    ...[...input.openLeads].filter(([, open]) => open > 0).map(([repId]) => repId),
  ]);
  const reps = [...repIds].map((repId): RepFairness => {
    const mine = input.counts.filter((c) => c.repId === repId);
    const assignments = mine.reduce((sum, c) => sum + c.count, 0);
    const openLeads = input.openLeads.get(repId) ?? 0;
    const rep = known.get(repId);
    const capacity = rep ? rep.maxOpenLeads : null;
    return {
      repId,
      teamId: rep?.teamId ?? null,
      assignments,
      share: share(assignments),
      byMethod: methodCounts(mine),
      openLeads,
      capacity,
      utilisation: capacity !== null && capacity > 0 ? openLeads / capacity : null,
      overCapacity: capacity !== null && openLeads > capacity,
    };
  });
  reps.sort((a, b) => b.assignments - a.assignments || (a.repId < b.repId ? -1 : 1));
  return {
    totalAssignments: total,
    methods: methodCounts(input.counts).map((m) => ({ ...m, share: share(m.assignments) })),
    reps,
    overCapacity: reps
      .filter((rep) => rep.overCapacity)
      .map((rep) => rep.repId)
      .sort(),
  };
}

/** Assignments per method, most first (then by name). */
function methodCounts(counts: readonly AssignmentCount[]): MethodCount[] {
  const byMethod = new Map<string, number>();
  for (const c of counts) byMethod.set(c.method, (byMethod.get(c.method) ?? 0) + c.count);
  return [...byMethod]
    .map(([method, assignments]) => ({ method, assignments }))
    .sort((a, b) => b.assignments - a.assignments || (a.method < b.method ? -1 : 1));
}
