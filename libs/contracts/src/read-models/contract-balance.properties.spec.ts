import fc from 'fast-check';
import type { RecordedEvent } from '#ltc/event-store';
import type { ReadModelDb } from '#ltc/projections';
import { CONTRACT } from '../../test/contract-decider.support.js';
import { contractSequences, openingCommands, refusal } from '../../test/contract-sequences.support.js';
import type { ContractCommand } from '../domain/contract.commands.js';
import type { Contract } from '../domain/contract.state.js';
import { figuresOf } from '../domain/contract-balance.js';
import { contractFiguresOf } from '../query-contracts/contract-detail.view.js';
import { contractListProjection } from './contract-list.projection.js';
import { overdueMinorOf } from './contract-list.fold.js';
import { contractListDb } from './contract-list.table.js';
import { figuresViewOf, type ContractFiguresView } from './contract.views.js';
import { ContractHistory, sqliteDb, type TestDb } from './test/contract-history.js';

/** 300 runs of up to 10 rounds, each projected three ways into one reused SQLite file: about 2 s here, far under 20 s. */
const NUM_RUNS = 300;
const MAX_ROUNDS = 10;
const RANDOM_RUNS_TIMEOUT_MS = 120_000;
const TENANT = 'acme';

/** Decides each command with the real decider on a real store; a refused command writes nothing. */
async function recordedHistory(commands: readonly ContractCommand[]): Promise<ContractHistory> {
  const history = new ContractHistory();
  for (const command of commands) {
    try {
      await history.decide(TENANT, CONTRACT, command);
    } catch (error) {
      if (!refusal(error)) throw error;
    }
  }
  return history;
}

/** Projects the events from empty rows, one transaction per batch, as the runner does. */
async function project(db: ReadModelDb, batches: readonly (readonly RecordedEvent[])[]): Promise<void> {
  await db.transaction().execute((trx) => contractListProjection.reset(trx));
  for (const batch of batches) {
    await db.transaction().execute(async (trx) => {
      for (const event of batch) await contractListProjection.apply(trx, event);
    });
  }
}

const rows = (db: ReadModelDb) =>
  contractListDb(db).selectFrom('contract_list').selectAll().orderBy('tenant_id').orderBy('contract_id').execute();

/** Cuts the events into consecutive batches at the given (sorted, distinct) cut points. */
function split<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((cut) => cut % (items.length + 1)))].sort((a, b) => a - b);
  const batches: T[][] = [];
  let start = 0;
  for (const point of [...points, items.length]) {
    if (point > start) batches.push(items.slice(start, point));
    start = Math.max(start, point);
  }
  return batches;
}

/** The oracle: the balance straight from the domain's fold of the contract's own events. */
function foldedFigures(contract: Contract): ContractFiguresView {
  const { invoiceableMinor: _, ...figures } = figuresOf(contract);
  return { currency: contract.currency, ...figures, overdueMinor: overdueMinorOf(contract) };
}

describe('Contract balance read model › properties over random command sequences', () => {
  let testDb: TestDb;

  beforeAll(async () => {
    testDb = await sqliteDb('contract-balance-props');
    await contractListProjection.setup(testDb.handle.db);
  });
  afterAll(() => testDb.dispose());

  it(
    'the contract_list row shows figuresOf the direct fold, however the events are batched',
    async () => {
      const db = testDb.handle.db;
      await fc.assert(
        fc.asyncProperty(
          contractSequences(MAX_ROUNDS),
          fc.array(fc.nat(), { maxLength: 6 }),
          async ({ terms, commands }, cuts) => {
            const history = await recordedHistory([...openingCommands(terms), ...commands]);
            try {
              const state = history.stateOf(TENANT, CONTRACT);
              if (state.status === 'none') throw new Error('the contract was never drafted');
              const events = await history.store.readAll({ filter: contractListProjection.filter });
              const expected = foldedFigures(state);

              await project(db, [events]);
              const whole = await rows(db);
              expect(whole.map(figuresViewOf)).toEqual([expected]);
              // GET /contracts/{id}/balance answers from the same fold.
              expect(contractFiguresOf(state)).toEqual(expected);

              await project(db, split(events, cuts));
              expect(await rows(db)).toEqual(whole);

              await project(
                db,
                events.map((event) => [event]),
              );
              expect(await rows(db)).toEqual(whole);
            } finally {
              await history.store.close();
            }
          },
        ),
        { numRuns: NUM_RUNS },
      );
    },
    RANDOM_RUNS_TIMEOUT_MS,
  );
});
