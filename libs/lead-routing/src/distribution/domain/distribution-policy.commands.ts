/** Replace a team's distribution policy; `policy` is the client's input, validated by the decider. */
export interface ChangeDistributionPolicy {
  readonly type: 'ChangeDistributionPolicy';
  readonly team: string;
  readonly policy: unknown;
  readonly changedBy: string;
  readonly now: Date;
}

export type DistributionPolicyCommand = ChangeDistributionPolicy;
