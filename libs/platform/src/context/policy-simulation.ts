import type { EventFilter, RecordedEvent } from '#ltc/event-store';
import type { Role } from '../auth/roles.js';

/** The stretch of history a what-if looks at: decisions made from `from` (inclusive) to `to` (exclusive). */
export interface SimulationPeriod {
  readonly from: Date;
  readonly to: Date;
}

/** What one replay is asked: a proposed policy (absent: the policies recorded at the time), a period, a scope. */
export interface SimulationRequest<Policy> {
  /** The proposal, as its kind parsed it; null replays under the policies in force at the time (the control). */
  readonly policy: Policy | null;
  readonly period: SimulationPeriod;
  /** Narrows the replay where the kind has scopes (a sales team, a service line); null = the whole tenant. */
  readonly scope: string | null;
}

/** One line of a comparison: what happened beside what would have happened. */
export interface ComparisonRow {
  readonly key: string;
  readonly actual: number;
  readonly simulated: number;
}

/** One measure, broken down (per rep, per priority…), in one unit. */
export interface ComparisonSection {
  /** Stable, snake_case: clients key on it. */
  readonly name: string;
  readonly title: string;
  /** `leads`, `tickets`, `percent`, `seconds`… */
  readonly unit: string;
  readonly rows: readonly ComparisonRow[];
}

/** What a replay answers: the measures side by side, and the assumptions they rest on. */
export interface SimulationOutcome {
  readonly sections: readonly ComparisonSection[];
  /** What the replay could not know and how it filled it in ("a pooled lead is taken by whoever took it"). */
  readonly assumptions: readonly string[];
}

/**
 * A replay in progress: fed the tenant's events in log order, from the first up to the end of
 * the period, then asked for its outcome. Deterministic: the same events and request always give
 * the same outcome. It writes nothing and sends no command.
 */
export interface SimulationReplay {
  apply(event: RecordedEvent): void;
  outcome(): SimulationOutcome;
}

/**
 * A policy a what-if can try, contributed by the context that owns the policy and its pure
 * deciders: which events the replay reads, how a proposal is checked, and the replay itself.
 */
export interface PolicySimulation<Policy = unknown> {
  /** Stable, snake_case: `lead_distribution`, `lead_scoring`, `sla`. */
  readonly kind: string;
  readonly summary: string;
  /** Who may run it (admins always may). */
  readonly roles: readonly Role[];
  /** What `scope` names for this kind, for the docs and errors (`a sales team id`); absent: no scopes. */
  readonly scope?: { readonly description: string; readonly pattern: RegExp };
  /** The part of the log the replay needs; it is read once, in log order. */
  readonly reads: EventFilter;
  /**
   * The DTO of the policy's own route, when it has one: a proposal is first held to it exactly
   * as that route holds a body (unknown fields, types, lengths), before `parsePolicy`.
   */
  readonly policyDto?: new () => object;
  /**
   * Checks a proposal as a client sent it, throwing `InvalidInputError` naming the field (paths
   * inside the policy, e.g. `recycle.idleDays`; the caller prefixes `policy.`).
   */
  readonly parsePolicy: (input: unknown) => Policy;
  readonly start: (request: SimulationRequest<Policy>) => SimulationReplay;
}

/** Declares a simulation with its policy type checked, stored among the others as `PolicySimulation`. */
export function definePolicySimulation<Policy>(simulation: PolicySimulation<Policy>): PolicySimulation {
  return simulation as unknown as PolicySimulation;
}
