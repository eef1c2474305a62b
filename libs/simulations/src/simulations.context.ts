import { Module, type Type } from '@nestjs/common';
import { defineContext, grant, type ContextDescriptor, type GrantableRole, type PolicySimulation } from '#ltc/platform';
import { SimulationsController } from './simulations.controller.js';
import { POLICY_SIMULATIONS } from './simulations.token.js';

/**
 * What-if replays over the other contexts' policies: each context contributes the simulations
 * of the policies it owns (`simulations` in its descriptor); this one serves them. It decides
 * nothing, writes no event and keeps no read model: every answer is computed from the log.
 */
export function simulationsContext(contexts: readonly ContextDescriptor[]): ContextDescriptor {
  const simulations = contexts.flatMap((context) => context.simulations ?? []);
  const kinds = new Set<string>();
  for (const simulation of simulations) {
    if (kinds.has(simulation.kind)) throw new Error(`Two contexts contribute the simulation ${simulation.kind}`);
    kinds.add(simulation.kind);
  }
  // Whoever may run one kind may reach the routes; each request is then held to its kind's roles.
  const roles = [...new Set(simulations.flatMap((simulation) => simulation.roles))].filter(
    (role): role is GrantableRole => role !== 'admin',
  );
  return defineContext({
    name: 'simulations',
    modules: [simulationsModule(simulations)],
    permissions: { 'GET /simulations': grant(roles), 'POST /simulations': grant(roles) },
  });
}

function simulationsModule(simulations: readonly PolicySimulation[]): Type {
  @Module({
    controllers: [SimulationsController],
    providers: [{ provide: POLICY_SIMULATIONS, useValue: simulations }],
  })
  class SimulationsModule {}
  return SimulationsModule;
}
