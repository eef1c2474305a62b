import fc from 'fast-check';
import type { RecordedEvent } from '#ltc/event-store';
import type { ReadModelDb } from '#ltc/projections';
import { parseTicketEvent } from '../domain/ticket-event.js';
import { acceptedTicketRow, ticketRowAfter } from './service-tickets.fold.js';
import { serviceTicketsProjection } from './service-tickets.projection.js';
import { serviceTicketsDb, type ServiceTicketRow } from './service-tickets.table.js';
import { toTicketView } from './service-ticket.views.js';
import { at, sqliteDb, TicketHistory, TicketScript, type TestDb } from './test/ticket-history.js';
import type { TicketEvent } from '../domain/ticket.events.js';

/** 150 random histories of up to three tickets in two tenants, each projected three ways into one reused SQLite file. */
const NUM_RUNS = 150;
const RANDOM_RUNS_TIMEOUT_MS = 120_000;
const MIN = 60_000;

const STEPS = [
  'assign',
  'escalate',
  'respond',
  'warn',
  'breach',
  'wait',
  'resume',
  'resolve',
  'failVerification',
  'close',
  'callback',
  'reopen',
  'openTask',
  'completeTask',
  'taskOverdue',
  'requirement',
] as const;
type Step = (typeof STEPS)[number];

const PEOPLE = ['eve', 'dan', 'ian', null] as const;
const GROUPS = ['g-field', 'g-experts', null] as const;

/**
 * Plays steps on one ticket as the decider would allow them (a step its status refuses is
 * skipped), one append per step: the realistic orders of a ticket's life, with clocks replanned.
 */
function ticketLife(script: TicketScript, steps: readonly { step: Step; pick: number }[]): TicketEvent[][] {
  const appends: TicketEvent[][] = [script.accepted(0, { priority: 'P2', dealTeam: ['ann'] })];
  let status: 'open' | 'waiting' | 'resolved' | 'closed' = 'open';
  let responded = false;
  let line: 1 | 2 | 3 = 1;
  let tasks = 0;
  const openTasks: string[] = [];
  steps.forEach(({ step, pick }, index) => {
    const hour = index + 1;
    const owner = { group: GROUPS[pick % GROUPS.length] ?? null, engineer: PEOPLE[pick % PEOPLE.length] ?? null };
    const used = hour * 10 * MIN;
    const working = status === 'open' || status === 'waiting';
    const append = ((): TicketEvent[] | null => {
      switch (step) {
        case 'assign':
          return working ? [script.assigned(hour, owner, line)] : null;
        case 'escalate': {
          if (!working || line === 3) return null;
          const to = (line + 1) as 2 | 3;
          const event = script.escalated(hour, line, to, owner);
          line = to;
          return [event];
        }
        case 'respond':
          if (responded || !working) return null;
          responded = true;
          return script.responded(hour, used, pick % 2 === 0);
        case 'warn':
          return working ? [script.warned(pick % 2 === 0 || responded ? 'resolution' : 'response', hour)] : null;
        case 'breach':
          return working ? [script.breached(pick % 2 === 0 || responded ? 'resolution' : 'response', hour)] : null;
        case 'wait':
          if (status !== 'open') return null;
          status = 'waiting';
          return script.waited(hour, used);
        case 'resume':
          if (status !== 'waiting') return null;
          status = 'open';
          return script.resumed(hour, used);
        case 'resolve':
          if (status !== 'open') return null;
          status = 'resolved';
          return script.resolved(hour, used, pick % 3 !== 0);
        case 'failVerification':
          if (status !== 'resolved') return null;
          status = 'open';
          return [
            {
              type: 'TicketVerified',
              data: {
                ticketId: script.ticketId,
                by: 'vic',
                at: at(hour),
                rootCause: 'x',
                preventiveAction: 'y',
                noNewProblems: false,
                passed: false,
                note: null,
              },
            },
            script.plan('resolution', hour, 'running', used),
          ];
        case 'close':
          if (status !== 'resolved') return null;
          status = 'closed';
          return [script.closed(hour)];
        case 'callback':
          return status === 'closed' ? [script.callback(hour, ((pick % 5) + 1) as 1 | 2 | 3 | 4 | 5)] : null;
        case 'reopen':
          if (status !== 'closed') return null;
          status = 'open';
          return script.reopened(hour, used);
        case 'openTask': {
          if (!working) return null;
          tasks += 1;
          openTasks.push(`k${tasks}`);
          return [script.taskOpened(hour, `k${tasks}`, owner, line)];
        }
        case 'completeTask': {
          const task = openTasks.shift();
          return task ? [script.taskCompleted(hour, task, pick % 2 === 0)] : null;
        }
        case 'taskOverdue':
          return openTasks[0] ? [script.taskOverdue(hour, openTasks[0], hour)] : null;
        case 'requirement':
          return [script.requirement(hour, `${script.ticketId}-r${index}`, null)];
      }
    })();
    if (append) appends.push(append);
  });
  return appends;
}

const ticketSteps = fc.array(fc.record({ step: fc.constantFrom(...STEPS), pick: fc.nat(59) }), { maxLength: 14 });

/** Tickets in two tenants, their appends interleaved as `order` says. */
const histories = fc.record({
  tickets: fc.array(fc.record({ tenant: fc.constantFrom('acme', 'globex'), steps: ticketSteps }), {
    minLength: 1,
    maxLength: 3,
  }),
  order: fc.array(fc.nat(2), { maxLength: 60 }),
  cuts: fc.array(fc.nat(), { maxLength: 6 }),
});

async function recordedHistory(
  tickets: readonly { tenant: string; steps: readonly { step: Step; pick: number }[] }[],
  order: readonly number[],
): Promise<TicketHistory> {
  const history = new TicketHistory();
  const lives = tickets.map(({ tenant, steps }, i) => ({
    tenant,
    id: `t${i}`,
    appends: ticketLife(new TicketScript(`t${i}`), steps),
  }));
  let turn = 0;
  while (lives.some((life) => life.appends.length > 0)) {
    const pending = lives.filter((life) => life.appends.length > 0);
    const life = pending[(order[turn] ?? 0) % pending.length];
    turn += 1;
    const append = life?.appends.shift();
    if (life && append) await history.append(life.tenant, life.id, ...append);
  }
  return history;
}

/** Projects the events from empty rows, one transaction per batch, as the runner does. */
async function project(db: ReadModelDb, batches: readonly (readonly RecordedEvent[])[]): Promise<void> {
  await db.transaction().execute((trx) => serviceTicketsProjection.reset(trx));
  for (const batch of batches) {
    await db.transaction().execute(async (trx) => {
      if (serviceTicketsProjection.applyBatch) await serviceTicketsProjection.applyBatch(trx, batch);
    });
  }
}

/** Cuts the events into consecutive batches at the given cut points. */
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

/** The oracle: each ticket's row folded straight from its own recorded events, no database between. */
function foldedRows(events: readonly RecordedEvent[]): ServiceTicketRow[] {
  const rows = new Map<string, ServiceTicketRow>();
  for (const recorded of events) {
    const event = parseTicketEvent(recorded);
    if (!event) continue;
    const key = `${recorded.metadata.tenantId}\u0000${event.data.ticketId}`;
    const before = rows.get(key);
    if (event.type === 'TicketAccepted') {
      if (!before) rows.set(key, acceptedTicketRow(recorded.metadata.tenantId, recorded.revision, event));
    } else if (before) {
      rows.set(key, ticketRowAfter(before, event, recorded.revision));
    }
  }
  return [...rows.values()].sort((a, b) =>
    a.tenant_id === b.tenant_id ? a.ticket_id.localeCompare(b.ticket_id) : a.tenant_id.localeCompare(b.tenant_id),
  );
}

const tables = async (db: ReadModelDb) => [
  await serviceTicketsDb(db)
    .selectFrom('service_tickets')
    .selectAll()
    .orderBy('tenant_id')
    .orderBy('ticket_id')
    .execute(),
  await serviceTicketsDb(db)
    .selectFrom('service_ticket_audience')
    .selectAll()
    .orderBy('tenant_id')
    .orderBy('ticket_id')
    .orderBy('member_kind')
    .orderBy('member_id')
    .execute(),
  await serviceTicketsDb(db)
    .selectFrom('service_ticket_callbacks')
    .selectAll()
    .orderBy('tenant_id')
    .orderBy('ticket_id')
    .orderBy('revision')
    .execute(),
];

describe('Service tickets read model › properties over random ticket histories', () => {
  let testDb: TestDb;

  beforeAll(async () => {
    testDb = await sqliteDb('service-tickets-props');
    await serviceTicketsProjection.setup(testDb.handle.db);
  });
  afterAll(() => testDb.dispose());

  it(
    'rebuilding in one batch, in random batches or event by event gives the rows of a direct fold',
    async () => {
      const db = testDb.handle.db;
      await fc.assert(
        fc.asyncProperty(histories, async ({ tickets, order, cuts }) => {
          const history = await recordedHistory(tickets, order);
          try {
            const events = await history.store.readAll({ filter: serviceTicketsProjection.filter });
            await project(db, [events]);
            const whole = await tables(db);
            const [rows] = whole as [ServiceTicketRow[], unknown];
            expect(rows.map(toTicketView)).toEqual(foldedRows(events).map(toTicketView));

            await project(db, split(events, cuts));
            expect(await tables(db)).toEqual(whole);

            await project(
              db,
              events.map((event) => [event]),
            );
            expect(await tables(db)).toEqual(whole);
          } finally {
            await history.store.close();
          }
        }),
        { numRuns: NUM_RUNS },
      );
    },
    RANDOM_RUNS_TIMEOUT_MS,
  );
});
