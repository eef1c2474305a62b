import { InvalidInputError } from '#ltc/kernel';
import type { Grading } from './ticket.events.js';
import type { GradingInput } from './ticket.commands.js';
import type { Level, Priority } from './service-vocabulary.js';

/** The priority of a ticket nobody graded yet (docs/domain.md › How the engine keeps the clocks). */
export const DEFAULT_PRIORITY: Priority = 'P3';

/**
 * Impact × urgency: high × high is P1; high × medium and medium × high P2; low × low P4; the rest
 * P3. A high impact with a low urgency (or the reverse) is P3: one high axis alone is not an emergency.
 */
export function priorityOf(impact: Level, urgency: Level): Priority {
  if (impact === 'high' && urgency === 'high') return 'P1';
  if ((impact === 'high' && urgency === 'medium') || (impact === 'medium' && urgency === 'high')) return 'P2';
  if (impact === 'low' && urgency === 'low') return 'P4';
  return 'P3';
}

/**
 * The grading a user gave: a priority set directly wins (impact and urgency kept for the record);
 * else both axes through the matrix; neither: the default, to be graded. One axis alone is a 400:
 * the matrix needs both.
 */
export function gradingOf(input: GradingInput, { required }: { readonly required: boolean }): Grading {
  const { priority, impact, urgency } = input;
  if (priority !== null) return { priority, impact, urgency, basis: 'direct' };
  if (impact !== null && urgency !== null)
    return { priority: priorityOf(impact, urgency), impact, urgency, basis: 'matrix' };
  if (impact !== null || urgency !== null) {
    const missing = impact === null ? 'impact' : 'urgency';
    throw new InvalidInputError(missing, 'bothOrPriority', `${missing} is needed too, or set the priority directly`);
  }
  if (required) throw new InvalidInputError('priority', 'required', 'give a priority, or impact and urgency');
  return { priority: DEFAULT_PRIORITY, impact: null, urgency: null, basis: 'default' };
}
