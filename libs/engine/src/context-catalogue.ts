import type { Type } from '@nestjs/common';
import {
  portName,
  type ContextDeps,
  type ContextDescriptor,
  type PortDeps,
  type PortLookup,
  type PortProvision,
  type PortToken,
} from '#ltc/platform';
import type { ProcessManager, Projection } from '#ltc/projections';

/**
 * Refuses, at start, a list of contexts that cannot run together: two with one name, a port
 * provided twice, or a port a context consumes that none provides (Nest would otherwise fail
 * later with an unresolved dependency that does not name the missing context).
 */
export function checkContexts(contexts: readonly ContextDescriptor[]): void {
  const names = new Set<string>();
  for (const context of contexts) {
    if (names.has(context.name)) throw new Error(`Context "${context.name}" is listed twice`);
    names.add(context.name);
  }
  const providers = providersByPort(contexts);
  for (const context of contexts) {
    for (const port of context.consumes ?? []) {
      if (!providers.has(port)) {
        throw new Error(
          `Context "${context.name}" consumes the port ${portName(port)}, which no listed context provides`,
        );
      }
    }
  }
}

/** Every context's Nest modules, in the order of the list. */
export function contextModules(contexts: readonly ContextDescriptor[]): Type[] {
  return contexts.flatMap((context) => context.modules);
}

/** Every read model of the engine: the contexts' projections, then the engine's own (e.g. due timers). */
export function engineProjections(contexts: readonly ContextDescriptor[], ...own: Projection[]): Projection[] {
  return [...contexts.flatMap((context) => context.projections ?? []), ...own];
}

/** Every context's process managers, each built with the ports its context consumes. */
export function engineProcessManagers(contexts: readonly ContextDescriptor[], ports: ContextPorts): ProcessManager[] {
  return contexts.flatMap((context) => {
    const deps: ContextDeps = { ...ports.deps, ports: ports.lookupFor(context) };
    return (context.processManagers ?? []).map((build) => build(deps));
  });
}

/** Every port the contexts provide, as the tokens to bind. */
export function providedPorts(contexts: readonly ContextDescriptor[]): PortToken<unknown>[] {
  return [...providersByPort(contexts).keys()];
}

/** The ports of one process, each built once, on first use, from the engine's infrastructure. */
export class ContextPorts {
  private readonly providers: ReadonlyMap<PortToken<unknown>, PortProvision>;
  private readonly built = new Map<PortToken<unknown>, unknown>();

  constructor(
    contexts: readonly ContextDescriptor[],
    readonly deps: PortDeps,
  ) {
    this.providers = providersByPort(contexts);
  }

  get<T>(port: PortToken<T>): T {
    if (!this.built.has(port)) {
      const provision = this.providers.get(port);
      if (!provision) throw new Error(`No context provides the port ${portName(port)}`);
      this.built.set(port, provision.build(this.deps));
    }
    return this.built.get(port) as T;
  }

  /** What a context's process managers may ask for: only the ports it declares it consumes. */
  lookupFor(context: ContextDescriptor): PortLookup {
    const consumed = new Set(context.consumes ?? []);
    return {
      get: <T>(port: PortToken<T>): T => {
        if (!consumed.has(port)) {
          throw new Error(`Context "${context.name}" uses the port ${portName(port)} without listing it in consumes`);
        }
        return this.get(port);
      },
    };
  }
}

function providersByPort(contexts: readonly ContextDescriptor[]): Map<PortToken<unknown>, PortProvision> {
  const providers = new Map<PortToken<unknown>, PortProvision>();
  const providerName = new Map<PortToken<unknown>, string>();
  for (const context of contexts) {
    for (const provision of context.provides ?? []) {
      const earlier = providerName.get(provision.port);
      if (earlier !== undefined) {
        throw new Error(`The port ${portName(provision.port)} is provided by both "${earlier}" and "${context.name}"`);
      }
      providers.set(provision.port, provision);
      providerName.set(provision.port, context.name);
    }
  }
  return providers;
}
