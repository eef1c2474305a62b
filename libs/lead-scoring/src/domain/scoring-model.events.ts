import { eventParser, type DomainEvent } from '#ltc/kernel';
import type { ScoringModelDefinition } from './scoring-model.js';

/**
 * A sales manager (or admin) changed the tenant's lead scoring model, typically after
 * feedback from sales on which leads turned out well. `version` numbers the rule sets:
 * the default every tenant starts with is version 1, so the first saved change is 2.
 */
export type ScoringModelChanged = DomainEvent<
  'ScoringModelChanged',
  {
    readonly version: number;
    readonly model: ScoringModelDefinition;
    /** The user id of whoever made the change. */
    readonly changedBy: string;
    /** Why, in the manager's words; null when not given. */
    readonly reason: string | null;
    readonly changedAt: string;
  }
>;

export type ScoringModelEvent = ScoringModelChanged;

/** Narrows a stored event of a scoring model stream (the one shape so far: no upcaster). */
export const parseScoringModelEvent = eventParser<ScoringModelEvent>({ ScoringModelChanged: true });
