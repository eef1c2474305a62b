export { startEsdbWireDouble } from './esdb-wire-double.server.js';
export type { EsdbWireDouble, EsdbWireDoubleOptions } from './esdb-wire-double.server.js';
export type { WireStoredEvent } from './wire-log.store.js';
