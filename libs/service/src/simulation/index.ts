/** What-if replays of the service context's policies (`POST /simulations`). */
export { slaSimulation } from './sla.simulation.js';
