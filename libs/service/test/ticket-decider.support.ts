import { deciderSpec } from '#ltc/testing/decider-spec';
import { ALWAYS, type BusinessCalendar } from '../src/domain/clock/business-calendar.js';
import type { AcceptTicket, TicketCommand } from '../src/domain/ticket.commands.js';
import { ticketDecider } from '../src/domain/ticket.decider.js';
import type { TicketEvent } from '../src/domain/ticket.events.js';
import type { Actor, Priority, SlaPolicySnapshot } from '../src/domain/service-vocabulary.js';

/** Ticket decider specs: `given(history).when(command).thenEmitsOne('TicketResponded')` and the like. */
export const { given, history: historyOf } = deciderSpec(ticketDecider);

export const T0 = new Date('2026-03-02T09:00:00.000Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const after = (ms: number): Date => new Date(T0.getTime() + ms);
export const TICKET = 'tk-1';

export const ali: Actor = { id: 'ali', roles: ['service_agent'] };
export const lena: Actor = { id: 'lena', roles: ['service_agent'] };
export const timer: Actor = { id: 'system:timer', roles: [] };

const targets = (base: number): SlaPolicySnapshot['targets'] =>
  Object.fromEntries(
    (['P1', 'P2', 'P3', 'P4'] as Priority[]).map((p, i) => [
      p,
      { responseMinutes: base * (i + 1), resolutionMinutes: 60 * base * (i + 1) },
    ]),
  ) as SlaPolicySnapshot['targets'];

/** P1: 10 min to respond, 600 to resolve; P2 twice that, and so on; 24×7; warns at 75 %. */
export const POLICY: SlaPolicySnapshot = {
  policyId: 'default',
  version: 1,
  targets: targets(10),
  calendarId: null,
  calendarVersion: null,
  calendar: ALWAYS,
  pauseOn: ['customer'],
  warnAtPercent: 75,
  escalations: [
    { on: 'warning', clock: 'any', action: 'notify_group_lead' },
    { on: 'breach', clock: 'resolution', action: 'escalate_line' },
    { on: 'breach', clock: 'any', action: 'notify_group_lead' },
  ],
  ola: { byLine: { 1: 60, 2: 120, 3: 480 }, byKind: { spare_part: 240 } },
  independentVerification: true,
  reopenWindowDays: 7,
};

export const BERLIN_OFFICE: BusinessCalendar = {
  kind: 'business',
  timeZone: 'Europe/Berlin',
  week: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ from: '09:00', to: '18:00' }]])),
  holidays: [],
};

const base = (now: Date = T0, actor: Actor = ali) => ({ ticketId: TICKET, actor, now });

export const accept = (overrides: Partial<AcceptTicket> = {}): AcceptTicket => ({
  ...base(),
  type: 'AcceptTicket',
  channel: 'hotline',
  customer: {
    account: 'Nordfrakt AB',
    contractId: null,
    entitlement: 'default',
    warranty: 'none',
    warrantyEndsOn: null,
    dealTeam: [],
  },
  contact: { name: 'Nils Berg', email: 'nils@nordfrakt.example', phone: null },
  product: 'TLM-100',
  category: 'hardware',
  subject: 'Telematics units offline',
  description: 'Twelve trucks stopped reporting.',
  grading: { priority: 'P1', impact: null, urgency: null },
  policy: POLICY,
  followUpOf: null,
  ...overrides,
});

/** The command `type` with the common fields; `now` `ms` after T0. */
type Body<C> = C extends TicketCommand ? Omit<C, 'ticketId' | 'now' | 'actor'> : never;

export function at<C extends TicketCommand = TicketCommand>(ms: number, command: Body<C>, actor = ali): C {
  return { ...base(after(ms), actor), ...command } as C;
}

/** A P1 ticket accepted at T0 and assigned to ali of the hotline. */
export const opened = (...more: TicketEvent[]): TicketEvent[] => [
  ...historyOf(accept(), at(0, { type: 'AssignTicket', owner: { group: 'hotline', engineer: 'ali' }, reason: null })),
  ...more,
];

/** The history after deciding `commands` one by one on `history`. */
export function play(history: readonly TicketEvent[], ...commands: TicketCommand[]): TicketEvent[] {
  return commands.reduce<TicketEvent[]>((events, command) => given(events).when(command).history, [...history]);
}

/** The latest plan of a clock in a history. */
export function lastPlan(history: readonly TicketEvent[], clock: 'response' | 'resolution') {
  const plans = history.flatMap((e) => (e.type === 'TicketSlaPlanned' && e.data.clock === clock ? [e.data] : []));
  const last = plans.at(-1);
  if (last === undefined) throw new Error(`no ${clock} plan`);
  return last;
}
