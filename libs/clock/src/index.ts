export * from './clock.port.js';
export * from './system-clock.js';
export * from './manual-clock.js';
