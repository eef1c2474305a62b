import fc from 'fast-check';
import { DomainError, InvalidInputError, NotFoundError } from '#ltc/kernel';
import { MINUTE, T0, accept, at, lena, timer } from '../../test/ticket-decider.support.js';
import type { TicketCommand } from './ticket.commands.js';
import { ticketDecider } from './ticket.decider.js';
import type { TicketEvent, TicketSlaPlanned } from './ticket.events.js';
import { SLA_CLOCKS, type Priority, type SlaClockName } from './service-vocabulary.js';

/** Random lives of a ticket take a few seconds; more than the default 5 s on a shared machine. */
const TIMEOUT_MS = 120_000;

type Step = (ms: number, plans: Readonly<Record<SlaClockName, number>>) => TicketCommand;

const priority = fc.constantFrom<Priority>('P1', 'P2', 'P3', 'P4');
const clockName = fc.constantFrom<SlaClockName>(...SLA_CLOCKS);

/** What people and timers do to a ticket, most of it refused in some states (refusals are part of the test). */
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom<'customer' | 'third_party'>('customer', 'third_party').map(
    (reason): Step =>
      (ms) =>
        at(ms, { type: 'StartWaiting', reason, note: null }),
  ),
  fc.constant<Step>((ms) => at(ms, { type: 'ResumeTicket' })),
  priority.map(
    (p): Step =>
      (ms) =>
        at(ms, { type: 'GradeTicket', grading: { priority: p, impact: null, urgency: null }, reason: null }),
  ),
  fc.constant<Step>((ms) => at(ms, { type: 'RespondToTicket', message: 'hello' })),
  fc.constant<Step>((ms) => at(ms, { type: 'ResolveTicket', resolution: 'fixed' })),
  fc.boolean().map(
    (ok): Step =>
      (ms) =>
        at(ms, { type: 'VerifyTicket', rootCause: 'r', preventiveAction: 'p', noNewProblems: ok, note: null }, lena),
  ),
  fc.constant<Step>((ms) => at(ms, { type: 'CloseTicket', note: null }, lena)),
  fc.constant<Step>((ms) => at(ms, { type: 'ReopenTicket', reason: 'again' })),
  fc.tuple(clockName, fc.boolean()).map(
    ([clock, warning]): Step =>
      (ms, plans) =>
        at(
          ms,
          {
            type: warning ? 'FlagSlaWarning' : 'FlagSlaBreach',
            clock,
            plan: plans[clock],
            groupLead: 'lena',
            nextLineGroup: null,
          },
          timer,
        ),
  ),
);

const refusal = (error: unknown): boolean =>
  error instanceof DomainError || error instanceof InvalidInputError || error instanceof NotFoundError;

/** Runs a random life from acceptance at T0; returns every event decided. */
function live(steps: readonly (readonly [number, Step])[]): TicketEvent[] {
  const { decide, evolve, initialState } = ticketDecider;
  let state = initialState();
  const events: TicketEvent[] = [];
  let ms = 0;
  const plans: Record<SlaClockName, number> = { response: 1, resolution: 1 };
  for (const command of [accept(), ...steps.map(([gap, make]) => make((ms += gap), plans))]) {
    try {
      const decided = decide(command, state);
      for (const event of decided) {
        if (event.type === 'TicketSlaPlanned') plans[event.data.clock] = event.data.plan;
      }
      events.push(...decided);
      state = decided.reduce(evolve, state);
    } catch (error) {
      if (!refusal(error)) throw error;
    }
  }
  return events;
}

const plansOf = (events: readonly TicketEvent[], clock: SlaClockName): TicketSlaPlanned['data'][] =>
  events.flatMap((e) => (e.type === 'TicketSlaPlanned' && e.data.clock === clock ? [e.data] : []));

const lives = fc.array(fc.tuple(fc.integer({ min: 0, max: 90 * MINUTE }), step), { maxLength: 30 });

describe('Ticket › properties over random lives (24×7)', () => {
  it(
    'a clock counts only the stretches it ran: paused and met time never count, and nothing is lost on a re-plan',
    () => {
      fc.assert(
        fc.property(lives, (steps) => {
          const events = live(steps);
          for (const clock of SLA_CLOCKS) {
            const plans = plansOf(events, clock);
            plans.forEach((plan, i) => {
              expect(plan.plan).toBe(i + 1);
              const before = plans[i - 1];
              const ran = before?.state === 'running' ? Date.parse(plan.at) - Date.parse(before.at) : 0;
              expect(plan.elapsedMs).toBe((before?.elapsedMs ?? 0) + ran);
            });
          }
        }),
        { numRuns: 400 },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'a running clock is due to breach when the time left is used up, and each threshold is raised at most once per target',
    () => {
      fc.assert(
        fc.property(lives, (steps) => {
          const events = live(steps);
          for (const clock of SLA_CLOCKS) {
            for (const plan of plansOf(events, clock)) {
              if (plan.state !== 'running' || plan.breachAt === null) continue;
              expect(Date.parse(plan.breachAt)).toBe(Date.parse(plan.at) + Math.max(0, plan.targetMs - plan.elapsedMs));
            }
            const breaches = events.filter((e) => e.type === 'TicketSlaBreached' && e.data.clock === clock);
            const plans = new Set(breaches.map((e) => (e.type === 'TicketSlaBreached' ? e.data.plan : 0)));
            expect(plans.size).toBe(breaches.length);
            for (const e of breaches) {
              if (e.type === 'TicketSlaBreached')
                expect(Date.parse(e.data.at)).toBeGreaterThanOrEqual(Date.parse(e.data.dueAt));
            }
          }
        }),
        { numRuns: 400 },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'the state agrees with itself: waiting has its open pause, a resolved ticket its stopped clock',
    () => {
      fc.assert(
        fc.property(lives, (steps) => {
          const state = live(steps).reduce(ticketDecider.evolve, ticketDecider.initialState());
          if (state.status === 'none') throw new Error('the ticket was accepted');
          expect(state.status === 'waiting').toBe(state.waiting !== null);
          const open = state.pauses.filter((pause) => pause.to === null);
          expect(open.length).toBe(state.waiting?.pausesSla ? 1 : 0);
          if (state.status === 'resolved' || state.status === 'closed')
            expect(state.clocks.resolution.state).toBe('stopped');
          if (state.respondedAt !== null) expect(state.clocks.response.state).toBe('stopped');
          if (state.status === 'open') expect(state.clocks.resolution.state).toBe('running');
          expect(Date.parse(state.acceptedAt)).toBe(T0.getTime());
        }),
        { numRuns: 400 },
      );
    },
    TIMEOUT_MS,
  );
});
