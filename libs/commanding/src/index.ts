export * from './command-dispatcher.port.js';
