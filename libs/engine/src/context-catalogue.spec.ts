import { pino } from 'pino';
import { ManualClock } from '#ltc/clock';
import { InMemoryEventStore } from '#ltc/event-store';
import {
  defineContext,
  definePort,
  providePort,
  type ContextDescriptor,
  type PortDeps,
  type PortLookup,
} from '#ltc/platform';
import type { ProcessManager, Projection, ReadModelDb } from '#ltc/projections';
import {
  ContextPorts,
  checkContexts,
  contextModules,
  engineProcessManagers,
  engineProjections,
  providedPorts,
} from './context-catalogue.js';

interface Greeter {
  greet(name: string): string;
}
const GREETER = definePort<Greeter>('Greeter');
const OTHER = definePort<string>('Other');

class HostModule {}
class GuestModule {}

const projection = (name: string): Projection => ({
  name,
  version: 1,
  setup: () => Promise.resolve(),
  reset: () => Promise.resolve(),
  apply: () => Promise.resolve(),
});
const manager = (name: string): ProcessManager => ({ name, filter: {}, handle: () => Promise.resolve() });

let builds = 0;
const host = defineContext({
  name: 'host',
  modules: [HostModule],
  projections: [projection('host_rows')],
  provides: [
    providePort(GREETER, () => {
      builds += 1;
      return { greet: (name) => `hello ${name}` };
    }),
  ],
});

const deps: PortDeps = {
  store: new InMemoryEventStore(),
  db: {} as ReadModelDb,
  clock: new ManualClock(new Date('2026-12-01T09:00:00Z')),
  logger: pino({ level: 'silent' }),
};

function guest(uses: (ports: PortLookup) => string): { context: ContextDescriptor; seen: string[] } {
  const seen: string[] = [];
  const context = defineContext({
    name: 'guest',
    modules: [GuestModule],
    projections: [projection('guest_rows')],
    processManagers: [
      ({ ports }) => {
        seen.push(uses(ports));
        return manager('guest_manager');
      },
    ],
    consumes: [GREETER],
  });
  return { context, seen };
}

describe('the contexts the engine composes', () => {
  beforeEach(() => {
    builds = 0;
  });

  it('accepts a list in which every consumed port is provided', () => {
    expect(() => checkContexts([guest(() => '').context, host])).not.toThrow();
  });

  it('refuses a context that consumes a port no listed context provides, naming both', () => {
    expect(() => checkContexts([guest(() => '').context])).toThrow(
      new Error('Context "guest" consumes the port Greeter, which no listed context provides'),
    );
  });

  it('refuses a port provided by two contexts', () => {
    const twin = defineContext({
      name: 'twin',
      modules: [],
      provides: [providePort(GREETER, () => ({ greet: () => '' }))],
    });
    expect(() => checkContexts([host, twin])).toThrow(
      new Error('The port Greeter is provided by both "host" and "twin"'),
    );
  });

  it('refuses a context listed twice', () => {
    expect(() => checkContexts([host, host])).toThrow(new Error('Context "host" is listed twice'));
  });

  it('refuses a context name that is not lower case', () => {
    expect(() => defineContext({ name: 'Leads', modules: [] })).toThrow(
      new Error('Context name "Leads" must be lower case letters, digits and hyphens'),
    );
  });

  it('takes the modules and projections in the order of the list, the engine’s own projections last', () => {
    const contexts = [guest(() => '').context, host];
    expect(contextModules(contexts)).toEqual([GuestModule, HostModule]);
    expect(engineProjections(contexts, projection('due_timers')).map((p) => p.name)).toEqual([
      'guest_rows',
      'host_rows',
      'due_timers',
    ]);
    expect(providedPorts(contexts)).toEqual([GREETER]);
  });

  it('builds process managers with the ports their context consumes, each port once', () => {
    const { context, seen } = guest((ports) => ports.get(GREETER).greet('ada'));
    const ports = new ContextPorts([context, host], deps);
    const managers = engineProcessManagers([context, host], ports);
    expect(managers.map((m) => m.name)).toEqual(['guest_manager']);
    expect(seen).toEqual(['hello ada']);
    expect(ports.get(GREETER)).toBe(ports.get(GREETER));
    expect(builds).toBe(1);
  });

  it('refuses a process manager a port its context does not list in consumes', () => {
    const { context } = guest((ports) => ports.get(OTHER));
    const ports = new ContextPorts([context, host], deps);
    expect(() => engineProcessManagers([context, host], ports)).toThrow(
      new Error('Context "guest" uses the port Other without listing it in consumes'),
    );
  });

  it('refuses a port nobody provides when asked for it directly', () => {
    expect(() => new ContextPorts([host], deps).get(OTHER)).toThrow(new Error('No context provides the port Other'));
  });
});
