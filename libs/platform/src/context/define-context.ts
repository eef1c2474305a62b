import type { Type } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Clock } from '#ltc/clock';
import type { EventStore, RecordedEvent } from '#ltc/event-store';
import type { ProcessManager, Projection, ReadModelDb } from '#ltc/projections';
import type { PermissionTable } from '../auth/permissions/permission-matrix.js';
import type { PolicySimulation } from './policy-simulation.js';
import type { PortToken } from './port.js';
import { declarePersonalFields, type PersonalFieldDeclarations } from '#ltc/personal-data';

/** What a context's ports are built from: the engine's shared infrastructure. */
export interface PortDeps {
  readonly store: EventStore;
  /** The read-model database (SQLite or PostgreSQL). */
  readonly db: ReadModelDb;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The ports a context consumes, for the background parts that need them. */
export interface PortLookup {
  get<T>(port: PortToken<T>): T;
}

/** What a context's process managers are built from. */
export interface ContextDeps extends PortDeps {
  /** Only the ports the context lists in `consumes`. */
  readonly ports: PortLookup;
}

/** How a context builds a port it provides to the others. */
export interface PortProvision<T = unknown> {
  readonly port: PortToken<T>;
  readonly build: (deps: PortDeps) => T;
}

/**
 * A stream joins a deal's history: from then on its events (earlier ones too) are part of
 * the deal's timeline. `dealId` names the deal; `sameDealAs` names a stream already in one
 * (a ticket joins the deal of the contract it is served under).
 */
export type DealLink =
  { readonly stream: string; readonly dealId: string } | { readonly stream: string; readonly sameDealAs: string };

/** How a context's events appear in deal histories and audit trails. */
export interface HistoryContribution {
  /** The stream categories this context owns, with the kind a history shows (`lead-…` → `lead`). */
  readonly streamKinds: Readonly<Record<string, string>>;
  /** The deal links an event establishes, if any; pure and deterministic (a rebuild repeats them). */
  readonly dealLinks?: (event: RecordedEvent) => readonly DealLink[];
  /** A one-line summary for people; undefined leaves it to the generic one (type and key facts). */
  readonly summarize?: (event: RecordedEvent) => string | undefined;
}

/**
 * Everything the composition root needs to know about one bounded context, in one place.
 * The engine imports the modules, feeds the projections from the log, runs the process
 * managers in the process that holds the background-jobs lease, and binds the ports the
 * context provides so that the contexts consuming them can inject their tokens.
 */
export interface ContextDescriptor {
  /** Unique among the engine's contexts, lower case (`leads`, `organisation`). */
  readonly name: string;
  /** The context's Nest modules: controllers, command handlers, services. */
  readonly modules: readonly Type[];
  /** Its read models, fed from the global log (every process creates their tables). */
  readonly projections?: readonly Projection[];
  /** Its process managers; built only where process managers run (`LTC_PROCESS_MANAGERS=on`). */
  readonly processManagers?: readonly ((deps: ContextDeps) => ProcessManager)[];
  /** Ports it provides to other contexts. */
  readonly provides?: readonly PortProvision[];
  /** Ports of other contexts it injects; the engine refuses to start when no context provides one. */
  readonly consumes?: readonly PortToken<unknown>[];
  /** How its events join deal histories and read in audit trails. */
  readonly history?: HistoryContribution;
  /** The policies of this context a what-if can replay history under (`POST /simulations`). */
  readonly simulations?: readonly PolicySimulation[];
  /**
   * Who may call each of its routes and which records each role sees there: its part of the
   * permission matrix (ADR 0028). The engine refuses to start when one of its routes is missing.
   */
  readonly permissions?: PermissionTable;
  /** The personal fields of its events, sealed per data subject in the log (ADR 0029). */
  readonly personalData?: PersonalFieldDeclarations;
}

/** A port a context provides, built once per process from the engine's infrastructure. */
export function providePort<T>(port: PortToken<T>, build: (deps: PortDeps) => T): PortProvision<T> {
  return { port, build };
}

const CONTEXT_NAME = /^[a-z][a-z0-9-]*$/;

/** Declares a bounded context for the composition root (`EngineModule.forRoot({ contexts })`). */
export function defineContext(descriptor: ContextDescriptor): ContextDescriptor {
  if (!CONTEXT_NAME.test(descriptor.name)) {
    throw new Error(`Context name "${descriptor.name}" must be lower case letters, digits and hyphens`);
  }
  if (descriptor.personalData) declarePersonalFields(descriptor.personalData);
  return Object.freeze({ ...descriptor });
}
