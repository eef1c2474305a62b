/** The simulations the contexts contribute (a value provider of the simulations module). */
export const POLICY_SIMULATIONS = Symbol('PolicySimulations');
