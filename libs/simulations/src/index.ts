/** What-if replays of history under proposed policies (`POST /simulations`). */
export { simulationsContext } from './simulations.context.js';
export { runSimulation, type SimulationRun } from './run-simulation.js';
