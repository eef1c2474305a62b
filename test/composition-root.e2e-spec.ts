import { leadsContext } from '#ltc/leads/context';
import { organisationContext } from '#ltc/organisation';
import { startTestApp, tempDataDir, type TestApp } from './support/test-app.js';
import { rmSync } from 'node:fs';

interface SubscriberView {
  name: string;
  kind: string;
}

describe('the composition root', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.destroy();
    app = undefined;
  });

  it('runs every projection and process manager the shipped contexts declare, and the due timers', async () => {
    app = await startTestApp();
    const token = await app.token(['auditor']);
    const response = await app.request('GET', '/projections', { token });
    expect(response.status).toBe(200);
    expect((response.body as SubscriberView[]).map((view) => [view.name, view.kind])).toEqual([
      ['lead_list', 'projection'],
      ['lead_source_stats', 'projection'],
      ['source_conversion', 'projection'],
      ['lead_response_times', 'projection'],
      ['lead_funnel', 'projection'],
      ['lead_assignments', 'projection'],
      ['lead_won_deals', 'projection'],
      ['lead_unassigned_queue', 'projection'],
      ['lead_sales_org', 'projection'],
      ['opportunity_pipelines', 'projection'],
      ['opportunity_list', 'projection'],
      ['opportunity_forecast_history', 'projection'],
      ['opportunity_triangle', 'projection'],
      ['opportunity_stage_periods', 'projection'],
      ['opportunity_invoices_overdue', 'projection'],
      ['contract_list', 'projection'],
      ['contract_invoices', 'projection'],
      ['contract_pipeline_length', 'projection'],
      ['service_configurations', 'projection'],
      ['service_group_members', 'projection'],
      ['service_tickets', 'projection'],
      ['service_ola_tasks', 'projection'],
      ['service_product_requirements', 'projection'],
      ['org_reps', 'projection'],
      ['org_teams', 'projection'],
      ['audit_trail', 'projection'],
      ['data_subject_contacts', 'projection'],
      ['due_timers', 'projection'],
      ['lead_scoring', 'process_manager'],
      ['lead_nurture', 'process_manager'],
      ['lead_routing', 'process_manager'],
      ['opportunity_conversion', 'process_manager'],
      ['opportunity_handoff_timers', 'process_manager'],
      ['contract_drafting', 'process_manager'],
      ['contract_dunning', 'process_manager'],
      ['service_sla_timers', 'process_manager'],
      ['service_ticket_links', 'process_manager'],
    ]);
  });

  it('composes a context on its own from its descriptor: organisation alone serves teams and no lead routes', async () => {
    app = await startTestApp({ contexts: [organisationContext] });
    const token = await app.token(['sales_manager'], 'marta');
    const created = await app.request('POST', '/teams', {
      token,
      body: { id: 'emea-north', name: 'EMEA North', managerId: 'marta' },
    });
    expect(created.status).toBe(201);
    expect((await app.request('GET', '/leads', { token })).status).toBe(404);
    const statuses = await app.request('GET', '/projections', { token: await app.token(['auditor']) });
    expect((statuses.body as SubscriberView[]).map((view) => view.name)).toEqual([
      'org_reps',
      'org_teams',
      'due_timers',
    ]);
  });

  it('refuses to start leads without the context that provides the SalesTeams port it consumes', async () => {
    const dataDir = tempDataDir();
    try {
      await expect(startTestApp({ dataDir, contexts: [leadsContext] })).rejects.toThrow(
        new Error('Context "leads" consumes the port SalesTeams, which no listed context provides'),
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
