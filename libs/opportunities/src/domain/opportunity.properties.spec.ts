import fc from 'fast-check';
import { DomainError, InvalidInputError, NotFoundError } from '#ltc/kernel';
import {
  DEAL,
  NOW,
  PEOPLE,
  PIPELINE,
  ar,
  fr,
  line,
  manager,
  open,
  otherManager,
  sr,
  triangle,
} from '../../test/opportunity-decider.support.js';
import type { OpportunityCommand } from './opportunity.commands.js';
import { opportunityDecider } from './opportunity.decider.js';
import type { OpportunityEvent } from './opportunity.events.js';
import { triangleMembers, type OpportunityState } from './opportunity.state.js';
import type { QuoteContent } from './quote.events.js';
import type { Actor, TriangleRole } from './opportunity-vocabulary.js';

const actors: Actor[] = [ar, sr, fr, manager, otherManager, { id: 'sid-sr', salesManager: false }];
const actor = fc.constantFrom(...actors);
const person = fc.constantFrom(ar.id, sr.id, fr.id, 'sid-sr');
const version = fc.integer({ min: 1, max: 3 });
const handoffId = fc.constantFrom('h1', 'h2', 'h3');
const base = (a: Actor) => ({ opportunityId: DEAL, actor: a, now: NOW });

const quoteLine = fc
  .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 2500 }), fc.integer({ min: 1, max: 50 }))
  .map(([price, discount, quantity]) => line(price, discount, quantity));

/** Everyone may hold several roles here, so random triangles are often accepted. */
const MULTI_ROLE_PEOPLE: Readonly<Record<string, readonly TriangleRole[]>> = {
  ...PEOPLE,
  [ar.id]: ['ar', 'sr'],
  [sr.id]: ['sr', 'ar', 'fr'],
  [fr.id]: ['fr', 'ar'],
};

/** Any command a user or timer could send the deal, valid or not: the decider must keep the invariants either way. */
const command: fc.Arbitrary<OpportunityCommand> = fc.oneof(
  fc.record({ a: actor, lines: fc.array(quoteLine, { minLength: 1, maxLength: 5 }) }).map(({ a, lines }) => ({
    ...base(a),
    type: 'CreateQuoteVersion' as const,
    lines,
    validUntil: '2026-04-30',
    pipeline: PIPELINE,
  })),
  fc
    .record({ a: actor, v: version })
    .map(({ a, v }) => ({ ...base(a), type: 'RequestQuoteApproval' as const, version: v })),
  fc
    .record({ a: actor, v: version })
    .map(({ a, v }) => ({ ...base(a), type: 'ApproveQuote' as const, version: v, note: null })),
  fc
    .record({ a: actor, v: version })
    .map(({ a, v }) => ({ ...base(a), type: 'RejectQuote' as const, version: v, reason: 'no' })),
  fc.record({ a: actor, v: version }).map(({ a, v }) => ({ ...base(a), type: 'SendQuote' as const, version: v })),
  fc.record({ a: actor, to: person, id: handoffId }).map(({ a, to, id }) => ({
    ...base(a),
    type: 'RequestHandoff' as const,
    handoffId: id,
    to,
    phase: 'bid' as const,
    notes: null,
    openItems: [],
    pipeline: PIPELINE,
  })),
  fc
    .record({ a: actor, id: handoffId })
    .map(({ a, id }) => ({ ...base(a), type: 'AcceptHandoff' as const, handoffId: id })),
  fc
    .record({ a: actor, id: handoffId })
    .map(({ a, id }) => ({ ...base(a), type: 'DeclineHandoff' as const, handoffId: id, reason: 'busy' })),
  fc
    .record({ a: actor, arSeat: person, srSeat: fc.option(person), frSeat: fc.option(person) })
    .map(({ a, arSeat, srSeat, frSeat }) => ({
      ...base(a),
      type: 'SetTriangle' as const,
      ar: arSeat,
      sr: srSeat,
      fr: frSeat,
      sponsor: manager.id,
      people: MULTI_ROLE_PEOPLE,
      reason: null,
    })),
);

const triangleActor = fc.constantFrom(ar, sr, fr);

/** A handoff and its answer, often by its receiver: random single commands would almost never line up. */
const handoffRound: fc.Arbitrary<OpportunityCommand[]> = fc
  .record({
    from: triangleActor,
    to: triangleActor,
    id: handoffId,
    answerer: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: actor, weight: 1 }),
    accepts: fc.boolean(),
  })
  .map(({ from, to, id, answerer, accepts }) => {
    const by = answerer ?? to;
    const answer: OpportunityCommand = accepts
      ? { ...base(by), type: 'AcceptHandoff', handoffId: id }
      : { ...base(by), type: 'DeclineHandoff', handoffId: id, reason: 'busy' };
    const request: OpportunityCommand = {
      ...base(from),
      type: 'RequestHandoff',
      handoffId: id,
      to: to.id,
      phase: 'bid',
      notes: null,
      openItems: [],
      pipeline: PIPELINE,
    };
    return [request, answer];
  });

/** Approval asked of the newest versions and answered, often by another sales manager. */
const approvalRound: fc.Arbitrary<OpportunityCommand[]> = fc
  .record({ v: version, requester: actor, approver: actor, lines: fc.array(quoteLine, { minLength: 1, maxLength: 3 }) })
  .map(({ v, requester, approver, lines }) => [
    { ...base(requester), type: 'CreateQuoteVersion', lines, validUntil: '2026-04-30', pipeline: PIPELINE },
    { ...base(requester), type: 'RequestQuoteApproval', version: v },
    { ...base(approver), type: 'ApproveQuote', version: v, note: null },
    { ...base(requester), type: 'SendQuote', version: v },
  ]);

const refusal = (error: unknown): boolean =>
  error instanceof DomainError || error instanceof InvalidInputError || error instanceof NotFoundError;

/** Decides the commands one after another from an opened deal, keeping the events of those accepted. */
function run(
  commands: readonly OpportunityCommand[],
  check: (state: OpportunityState, events: OpportunityEvent[]) => void,
): void {
  const { decide, evolve, initialState } = opportunityDecider;
  // From a deal with its triangle formed, so handoffs, approvals and sends are often accepted.
  let events = [open, triangle].reduce<OpportunityEvent[]>(
    (history, c) => [...history, ...decide(c, history.reduce(evolve, initialState()))],
    [],
  );
  let state = events.reduce(evolve, initialState());
  for (const next of commands) {
    try {
      const decided = decide(next, state);
      events = [...events, ...decided];
      state = decided.reduce(evolve, state);
    } catch (error) {
      if (!refusal(error)) throw error;
    }
    check(state, events);
  }
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe('Opportunity › properties over random command sequences', () => {
  // Weighted towards rounds that line up (a request and its answer; a quote, its approval and sending).
  const sequences = fc
    .array(
      fc.oneof(
        { arbitrary: command.map((c) => [c]), weight: 3 },
        { arbitrary: handoffRound, weight: 4 },
        { arbitrary: approvalRound, weight: 2 },
      ),
      { maxLength: 25 },
    )
    .map((rounds) => rounds.flat());

  it('every quote version totals the sum of its lines, and subtotal − discount = total', () => {
    fc.assert(
      fc.property(sequences, (commands) =>
        run(commands, (state) => {
          if (state.status === 'none') throw new Error('the deal disappeared');
          for (const { content } of state.quotes) {
            expect(content.subtotalMinor).toBe(sum(content.lines.map((l) => l.subtotalMinor)));
            expect(content.discountMinor).toBe(sum(content.lines.map((l) => l.discountMinor)));
            expect(content.totalMinor).toBe(sum(content.lines.map((l) => l.totalMinor)));
            expect(content.totalMinor).toBe(content.subtotalMinor - content.discountMinor);
            for (const l of content.lines) {
              expect(l.unitPrice.currency).toBe(content.currency);
              expect(l.subtotalMinor).toBe(l.quantity * l.unitPrice.amountMinor);
            }
          }
        }),
      ),
    );
  });

  it('an old quote version never changes once a newer one exists, nor after anything else', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const firstSeen = new Map<number, QuoteContent>();
        run(commands, (state) => {
          if (state.status === 'none') return;
          for (const { content } of state.quotes) {
            const seen = firstSeen.get(content.version);
            if (seen === undefined) firstSeen.set(content.version, content);
            else expect(content).toEqual(seen);
          }
          expect(state.quotes.map((q) => q.content.version)).toEqual(state.quotes.map((_, i) => i + 1));
        });
      }),
    );
  });

  it('exactly one person leads the deal, always one of the triangle, and at most one handoff waits', () => {
    fc.assert(
      fc.property(sequences, (commands) =>
        run(commands, (state, events) => {
          if (state.status === 'none') throw new Error('the deal disappeared');
          expect(typeof state.leader === 'string' && state.leader !== '').toBe(true);
          expect(triangleMembers(state.triangle)).toContain(state.leader);
          expect(state.handoffs.filter((h) => h.status === 'pending').length).toBeLessThanOrEqual(1);
          // The leader is whoever the last accepted handoff went to, or the AR who opened the deal.
          const accepted = events.filter((e) => e.type === 'HandoffAccepted');
          const last = accepted.at(-1);
          expect(state.leader).toBe(last?.type === 'HandoffAccepted' ? last.data.to : ar.id);
        }),
      ),
      // About one sequence in seven passes the lead on; more runs make that dozens.
      { numRuns: 300 },
    );
  });
});
