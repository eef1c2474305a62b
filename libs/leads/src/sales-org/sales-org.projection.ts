import { upsertRow, type Projection, type ReadModelTransaction } from '#ltc/projections';
import type { Territories } from '#ltc/organisation/events';
import { ORGANISATION_STREAMS, parseOrganisationEvent } from './organisation-events.js';
import { createSalesOrgTables, salesOrgDb, type SalesRepRow, type SalesTeamRow } from './sales-org.tables.js';

/**
 * The sales organisation as the leads context knows it: reps (team, roles, territories,
 * capacity, availability, active) and team managers, folded from the organisation's
 * published events. Routing's rep directory, lead visibility and the analytics read these
 * tables, never the organisation's own: the organisation may reshape its read models freely.
 */
export const salesOrgProjection: Projection = {
  name: 'lead_sales_org',
  version: 1,
  filter: { streamPrefixes: [...ORGANISATION_STREAMS] },

  setup: createSalesOrgTables,

  async reset(trx) {
    await salesOrgDb(trx).deleteFrom('lead_sales_reps').execute();
    await salesOrgDb(trx).deleteFrom('lead_sales_teams').execute();
  },

  async apply(trx, recorded) {
    const event = parseOrganisationEvent(recorded);
    if (!event) return;
    const tenantId = recorded.metadata.tenantId;
    const rep = (repId: string, values: Partial<SalesRepRow>) => updateRep(trx, tenantId, repId, values);
    switch (event.type) {
      case 'RepRegistered': {
        const d = event.data;
        const row: SalesRepRow = {
          tenant_id: tenantId,
          rep_id: d.repId,
          team_id: d.teamId,
          roles: JSON.stringify(d.roles),
          ...territoryColumns(d.territories),
          max_open_leads: d.capacity.maxOpenLeads,
          daily_quota: d.capacity.dailyQuota,
          availability: 'active',
          away_until: null,
          active: 1,
        };
        return upsertRow(trx, 'lead_sales_reps', row, ['tenant_id', 'rep_id']);
      }
      case 'RepProfileChanged': {
        const d = event.data;
        return rep(d.repId, { team_id: d.teamId, roles: JSON.stringify(d.roles), ...territoryColumns(d.territories) });
      }
      case 'RepCapacityChanged': {
        const { repId, capacity } = event.data;
        return rep(repId, { max_open_leads: capacity.maxOpenLeads, daily_quota: capacity.dailyQuota });
      }
      case 'RepAvailabilityChanged': {
        const { repId, availability } = event.data;
        return rep(repId, {
          availability: availability.status,
          away_until: availability.status === 'away' ? availability.until : null,
        });
      }
      case 'RepDeactivated':
        return rep(event.data.repId, { active: 0 });
      case 'RepReactivated':
        return rep(event.data.repId, { active: 1 });
      case 'TeamCreated': {
        const row: SalesTeamRow = { tenant_id: tenantId, team_id: event.data.teamId, manager_id: event.data.managerId };
        return upsertRow(trx, 'lead_sales_teams', row, ['tenant_id', 'team_id']);
      }
      case 'TeamManagerChanged':
        await salesOrgDb(trx)
          .updateTable('lead_sales_teams')
          .set({ manager_id: event.data.managerId })
          .where('tenant_id', '=', tenantId)
          .where('team_id', '=', event.data.teamId)
          .execute();
        return;
      case 'TeamRenamed':
        // Leads know a team by its id; the name is the organisation's to show.
        return;
    }
  },
};

/** A rep's row with some columns changed; a rep never registered here stays unknown. */
async function updateRep(
  trx: ReadModelTransaction,
  tenantId: string,
  repId: string,
  values: Partial<SalesRepRow>,
): Promise<void> {
  await salesOrgDb(trx)
    .updateTable('lead_sales_reps')
    .set(values)
    .where('tenant_id', '=', tenantId)
    .where('rep_id', '=', repId)
    .execute();
}

function territoryColumns(t: Territories) {
  return {
    regions: JSON.stringify(t.regions),
    languages: JSON.stringify(t.languages),
    industries: JSON.stringify(t.industries),
    deal_size_bands: JSON.stringify(t.dealSizeBands),
  };
}
