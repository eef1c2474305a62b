import type { SubscriberKind, SubscriberState } from './subscriber-worker.js';

/** One line of `status()`. `lag` = head − position, exact (0n when caught up). */
export interface SubscriberStatus {
  readonly name: string;
  readonly kind: SubscriberKind;
  readonly version: number;
  /** Last committed position; null = nothing handled yet. */
  readonly position: bigint | null;
  readonly headPosition: bigint;
  /**
   * Positions between the checkpoint and the head; 0 for a filtered subscriber with no
   * matching event beyond its checkpoint (its checkpoint moves only on events it handles).
   */
  readonly lag: bigint;
  /** `running`: as stored by another process that runs the subscriber and reports no failure. */
  readonly state: SubscriberState | 'running';
  readonly lastError: string | null;
  /** While `retrying`: when the next attempt starts; otherwise null. */
  readonly nextAttemptAt: Date | null;
  /**
   * A rebuild beside the live rows (ADR 0023): running, with the position its scratch tables
   * reached and the head it heads for; or failed, with why; null when none is running or failed.
   */
  readonly rebuild?: {
    readonly state: 'running' | 'failed';
    readonly position: bigint | null;
    readonly headPosition: bigint | null;
    readonly error: string | null;
  } | null;
}
