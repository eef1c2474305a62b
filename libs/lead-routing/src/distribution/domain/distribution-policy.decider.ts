import type { Decider } from '#ltc/kernel';
import type { DistributionPolicy } from './distribution-policy.js';
import type { DistributionPolicyCommand } from './distribution-policy.commands.js';
import type { DistributionPolicyEvent } from './distribution-policy.events.js';
import { validateDistributionPolicy } from './validate-distribution-policy.js';

/** A team's policy as its stream says: none saved yet, or the latest version. */
export type DistributionPolicyState =
  | { readonly status: 'none' }
  | {
      readonly status: 'saved';
      readonly team: string;
      readonly version: number;
      readonly policy: DistributionPolicy;
      readonly changedBy: string;
      readonly changedAt: string;
    };

export const initialDistributionPolicyState = (): DistributionPolicyState => ({ status: 'none' });

/** Validates the new policy (400 naming the field); an identical policy changes nothing. */
export function decideDistributionPolicy(
  command: DistributionPolicyCommand,
  state: DistributionPolicyState,
): DistributionPolicyEvent[] {
  const policy = validateDistributionPolicy(command.policy);
  if (state.status === 'saved' && samePolicy(state.policy, policy)) return [];
  return [
    {
      type: 'DistributionPolicyChanged',
      data: {
        team: command.team,
        version: state.status === 'saved' ? state.version + 1 : 1,
        policy,
        changedBy: command.changedBy,
        changedAt: command.now.toISOString(),
      },
    },
  ];
}

export function evolveDistributionPolicy(
  _state: DistributionPolicyState,
  event: DistributionPolicyEvent,
): DistributionPolicyState {
  switch (event.type) {
    case 'DistributionPolicyChanged': {
      const { team, version, policy, changedBy, changedAt } = event.data;
      return { status: 'saved', team, version, policy, changedBy, changedAt };
    }
    default: {
      const unknown: never = event.type;
      void unknown;
      return _state;
    }
  }
}

/** Policies are stored in canonical form, so equal policies serialise equally. */
export function samePolicy(a: DistributionPolicy, b: DistributionPolicy): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const distributionPolicyDecider: Decider<
  DistributionPolicyCommand,
  DistributionPolicyEvent,
  DistributionPolicyState
> = {
  initialState: initialDistributionPolicyState,
  decide: decideDistributionPolicy,
  evolve: evolveDistributionPolicy,
};
