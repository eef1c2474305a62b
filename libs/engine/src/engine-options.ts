import type { ContextDescriptor } from '#ltc/platform';

/** What the composition root tells the engine's runtime. */
export interface EngineOptions {
  /**
   * False for an API-only process: tables are prepared, but no projection or timer loop
   * runs here. True: the loops run here while this process holds the background-jobs
   * lease, and it stands by otherwise (ADR 0011).
   */
  readonly runLoops: boolean;
  /** Recorded as the lease holder's role (`all`, `worker`); default `all`. */
  readonly processRole?: string;
}

export const ENGINE_OPTIONS = Symbol('EngineOptions');

/** The bounded contexts this engine composes, for the runtime that feeds their read models and managers. */
export const ENGINE_CONTEXTS = Symbol('EngineContexts');

export type EngineContexts = readonly ContextDescriptor[];

/** Every context's process managers, built once: the runner feeds them, every process sets up their tables. */
export const ENGINE_PROCESS_MANAGERS = Symbol('EngineProcessManagers');
