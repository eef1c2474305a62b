import { sql } from 'kysely';
import { describeWithPostgres } from '#ltc/testing';
import {
  LeadHistory,
  at,
  expectRebuildsToSameRows,
  postgresDb,
  projectionWorldPerTest,
  sqliteDb,
  type TestDb,
} from '../test/read-model-world.js';
import { leadListProjection } from './lead-list.projection.js';
import { createLeadListTable } from './lead-list.table.js';
import { findLeadRow, listLeads, toLeadView } from './lead.queries.js';

/** A lead a service engineer raised from a ticket, and one captured before tickets raised leads. */
async function seed(history: LeadHistory): Promise<void> {
  await history.append(
    'acme',
    history.captured('from-ticket', 'service', at('09:00:00'), { raisedFromTicket: 'ticket-42' }),
  );
  await history.append('acme', history.captured('from-web', 'website', at('09:01:00')));
}

function suite(open: () => Promise<TestDb>): void {
  const world = projectionWorldPerTest(open, leadListProjection, async (store) => {
    const history = new LeadHistory(store);
    await seed(history);
    return history.head;
  });
  const detail = async (leadId: string) => toLeadView(await findLeadRow(world().db, 'acme', leadId));

  it('shows the ticket a lead was raised from in its detail and the list, and null for a lead from none', async () => {
    expect(await detail('from-ticket')).toMatchObject({ source: 'service', raisedFromTicket: 'ticket-42' });
    expect(await detail('from-web')).toMatchObject({ source: 'website', raisedFromTicket: null });
    const page = await listLeads(world().db, 'acme', { limit: 10, offset: 0 });
    expect(page.items.map((lead) => [lead.id, lead.raisedFromTicket])).toEqual([
      ['from-web', null],
      ['from-ticket', 'ticket-42'],
    ]);
  });

  it('rebuilds to the same lineage', async () => {
    await expectRebuildsToSameRows(world(), leadListProjection, () =>
      sql`select lead_id, raised_from_ticket from lead_list order by lead_id`.execute(world().db),
    );
  });

  it('gives a table of an older version the column on setup (the version bump then refills it)', async () => {
    await sql`alter table lead_list drop column raised_from_ticket`.execute(world().db);
    await createLeadListTable(world().db);
    await world().runner.rebuild(leadListProjection.name);
    await world().runner.waitFor(leadListProjection.name, world().head);
    expect(await detail('from-ticket')).toMatchObject({ raisedFromTicket: 'ticket-42' });
  });
}

describe('Lead list lineage from service tickets, on SQLite', () => {
  suite(() => sqliteDb('lead-lineage'));
});

await describeWithPostgres('Lead list lineage from service tickets, on PostgreSQL', (url) => {
  suite(() => postgresDb(url, 'leadlineage'));
});
