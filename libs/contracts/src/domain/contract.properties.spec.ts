import fc from 'fast-check';
import { openingCommands, refusal, sequences } from '../../test/contract-sequences.support.js';
import type { ContractCommand } from './contract.commands.js';
import { contractDecider } from './contract.decider.js';
import type { ContractEvent } from './contract.events.js';
import type { ContractState } from './contract.state.js';
import { brokenInvariant, figuresOf, fulfilledInFull, type ContractFigures } from './contract-balance.js';
import type { PaymentTermsInput } from './contract-vocabulary.js';

/** Thousands of sequences take seconds alone, longer on a shared machine: more than the default 30 s. */
const RANDOM_RUNS_TIMEOUT_MS = 180_000;

/** Decides the commands one after another from a handed-over contract, keeping the events of those accepted. */
function run(
  terms: PaymentTermsInput,
  commands: readonly ContractCommand[],
  check: (state: ContractState, events: readonly ContractEvent[]) => void,
): void {
  const { decide, evolve, initialState } = contractDecider;
  let events: ContractEvent[] = [];
  let state = initialState();
  for (const next of [...openingCommands(terms), ...commands]) {
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

/** The figures summed straight from the events, without the decider's state: the oracle the read model will match. */
function figuresFromEvents(events: readonly ContractEvent[]): Omit<ContractFigures, 'invoiceableMinor'> {
  const f = { contracted: 0, ordered: 0, delivered: 0, accepted: 0, invoiced: 0, paid: 0 };
  for (const e of events) {
    if (e.type === 'ContractSigned' || e.type === 'ContractAmended') f.contracted = e.data.value.amountMinor;
    if (e.type === 'PurchaseOrderPlaced') f.ordered += e.data.value.amountMinor;
    if (e.type === 'PurchaseOrderCancelled') f.ordered -= e.data.value.amountMinor;
    if (e.type === 'DeliveryRecorded') f.delivered += e.data.value.amountMinor;
    if (e.type === 'DeliveryRejected') f.delivered -= e.data.value.amountMinor;
    if (e.type === 'DeliveryAccepted') f.accepted += e.data.value.amountMinor;
    if (e.type === 'InvoiceIssued') f.invoiced += e.data.amount.amountMinor;
    if (e.type === 'CreditNoteIssued') f.invoiced -= e.data.amount.amountMinor;
    if (e.type === 'PaymentReceived') f.paid += e.data.amount.amountMinor;
  }
  return {
    contractedMinor: f.contracted,
    orderedMinor: f.ordered,
    deliveredMinor: f.delivered,
    acceptedMinor: f.accepted,
    invoicedMinor: f.invoiced,
    paidMinor: f.paid,
    outstandingMinor: f.invoiced - f.paid,
  };
}

describe('Contract › properties over random command sequences', () => {
  it(
    'never ordered > contract, delivered > ordered, accepted > delivered, invoiced > invoiceable, paid > invoiced',
    () => {
      fc.assert(
        fc.property(sequences, ({ terms, commands }) =>
          run(terms, commands, (state) => {
            if (state.status === 'none') throw new Error('the contract disappeared');
            expect(brokenInvariant(state)).toBeUndefined();
          }),
        ),
        { numRuns: 2000 },
      );
    },
    RANDOM_RUNS_TIMEOUT_MS,
  );

  it(
    'the figures folded by the decider equal a direct sum of the events',
    () => {
      fc.assert(
        fc.property(sequences, ({ terms, commands }) =>
          run(terms, commands, (state, events) => {
            if (state.status === 'none') return;
            const { invoiceableMinor: _, ...figures } = figuresOf(state);
            expect(figures).toEqual(figuresFromEvents(events));
          }),
        ),
        { numRuns: 500 },
      );
    },
    RANDOM_RUNS_TIMEOUT_MS,
  );

  it(
    'a live contract is closed exactly when it is delivered, accepted, invoiced and paid in full, and only once',
    () => {
      let closedSeen = 0;
      fc.assert(
        fc.property(sequences, ({ terms, commands }) =>
          run(terms, commands, (state, events) => {
            if (state.status === 'none') return;
            const closings = events.filter((e) => e.type === 'ContractClosed').length;
            expect(closings).toBe(state.status === 'closed' ? 1 : 0);
            // A terminated contract stays terminated, even once its last invoice is paid.
            if (state.status !== 'terminated') expect(fulfilledInFull(state)).toBe(state.status === 'closed');
            if (closings > 0) closedSeen += 1;
          }),
        ),
        { numRuns: 1000 },
      );
      // The sequences reach the end of Lead to Cash often enough for the property to mean something.
      expect(closedSeen).toBeGreaterThan(0);
    },
    RANDOM_RUNS_TIMEOUT_MS,
  );
});
