import type { Decider } from '#ltc/kernel';
import type { Weekday, WorkingPeriod } from '../clock/business-calendar.js';
import { minutesOf } from '../clock/business-time.js';
import { calendarProblems } from '../clock/calendar-rules.js';
import { currentOf, fail, isNonBlank, noConfig, sameJson, unique, type ConfigState } from './config-rules.js';
import type { ServiceCalendarEvent } from './config.events.js';
import {
  businessCalendarOf,
  type ServiceCalendarConfig,
  type ServiceCalendarDefinition,
} from './service-calendar.types.js';

/** Creates the calendar or stores a new version of it (PUT /calendars/{id}). */
export interface ConfigureServiceCalendar {
  readonly type: 'ConfigureServiceCalendar';
  readonly calendarId: string;
  readonly definition: ServiceCalendarDefinition;
  readonly actor: string;
  readonly now: Date;
}

export type ServiceCalendarCommand = ConfigureServiceCalendar;
export type ServiceCalendarState = ConfigState<ServiceCalendarConfig>;

const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/**
 * Refuses a calendar the business-time module could not count on, naming the first field and
 * rule it breaks (HTTP 400): the rules are `calendarProblems`', so the clocks and this agree.
 */
export function validateServiceCalendar(definition: ServiceCalendarDefinition): void {
  if (!isNonBlank(definition.name)) fail('name', 'notEmpty', 'name must not be empty');
  const [problem] = calendarProblems(businessCalendarOf(definition));
  if (problem !== undefined) fail(problem.field, problem.rule, problem.message);
}

/** Decides a new calendar version; the same calendar again (in any order of periods and holidays) changes nothing. */
export function decideServiceCalendar(
  command: ServiceCalendarCommand,
  state: ServiceCalendarState,
): ServiceCalendarEvent[] {
  const current = currentOf(state);
  validateServiceCalendar(command.definition);
  const definition = canonicalServiceCalendar(command.definition);
  if (current !== null && sameJson(canonicalServiceCalendar(current), definition)) return [];
  const version = (current?.version ?? 0) + 1;
  return [
    {
      type: 'ServiceCalendarConfigured',
      data: {
        calendar: { calendarId: command.calendarId, version, ...definition },
        previousVersion: current?.version ?? null,
        actor: command.actor,
        at: command.now.toISOString(),
      },
    },
  ];
}

export function evolveServiceCalendar(_state: ServiceCalendarState, event: ServiceCalendarEvent): ServiceCalendarState {
  return { status: 'configured', config: event.data.calendar };
}

export const serviceCalendarDecider: Decider<ServiceCalendarCommand, ServiceCalendarEvent, ServiceCalendarState> = {
  initialState: noConfig,
  decide: decideServiceCalendar,
  evolve: evolveServiceCalendar,
};

/** Weekdays in order (days without periods left out), periods by start, holidays sorted once each. */
export function canonicalServiceCalendar(definition: ServiceCalendarDefinition): ServiceCalendarDefinition {
  const week: Partial<Record<Weekday, WorkingPeriod[]>> = {};
  for (const day of WEEKDAYS) {
    const periods = definition.week[day] ?? [];
    if (periods.length === 0) continue;
    week[day] = [...periods]
      .map(({ from, to }) => ({ from, to }))
      .sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
  }
  return {
    name: definition.name.trim(),
    timeZone: definition.timeZone,
    week,
    holidays: unique(definition.holidays).sort(),
  };
}
