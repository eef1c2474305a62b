export { leadDistributionSimulation } from './lead-distribution.simulation.js';
