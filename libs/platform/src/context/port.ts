/**
 * The injection token of a capability one bounded context provides and another consumes,
 * typed with what it gives. Contexts never import each other (the `contexts-are-separate`
 * rule), so the token lives in a shared library; the providing context declares how to
 * build it (`providePort` in its descriptor), the consuming one injects the token.
 */
export type PortToken<T> = symbol & { readonly __providesPort?: T };

/** A new port token; `name` shows in start-up errors about the port. */
export function definePort<T>(name: string): PortToken<T> {
  return Symbol(name);
}

/** A port's name for messages. */
export function portName(port: PortToken<unknown>): string {
  return port.description ?? port.toString();
}
