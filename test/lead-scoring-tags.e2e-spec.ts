import { eventually, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Scoring tags end to end: the default model's tag rules fire for tags as sales writes
 * them, and the preview scores a lead's attributes exactly as the lead itself is scored.
 */
describe('Lead scoring › tags', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app.destroy());

  it('preview refuses tags no lead can carry, and agrees with the real score of a tagged lead', async () => {
    const manager = await app.token(['sales_manager'], 'maria', 'tags');
    const auditor = await app.token(['auditor'], 'audrey', 'tags');
    const attributes = { source: 'website', company: 'Nordfrakt AB', email: 'ingrid@nordfrakt.example' };

    const underscore = await app.request('POST', '/scoring-models/preview', {
      token: manager,
      body: { lead: { ...attributes, tags: ['decision_maker'] } },
    });
    expect(underscore.status).toBe(400);
    expect(underscore.body.errors).toEqual([expect.objectContaining({ field: 'lead.tags' })]);

    const captured = await app.request('POST', '/leads', {
      token: manager,
      body: { name: 'Fleet telematics', ...attributes },
    });
    expect(captured.status).toBe(201);
    const leadId = captured.body.id as string;
    for (const tag of ['decision-maker', 'budget-confirmed']) {
      const tagged = await app.request('POST', `/leads/${leadId}/tags`, {
        token: manager,
        body: { category: 'purchase_characteristic', tag },
      });
      expect(tagged.status).toBe(200);
    }
    type Scored = { type: string; data: { score: number; breakdown: { ruleId: string; points: number }[] } };
    const scored = await eventually(async () => {
      const read = await app.request('GET', `/streams/lead-${leadId}`, { token: auditor });
      const scores = (read.body.events as Scored[]).filter((e) => e.type === 'LeadScored');
      const last = scores.at(-1);
      return last?.data.breakdown.some((l) => l.ruleId === 'budget-confirmed') ? last : undefined;
    }, 15_000);
    expect(scored.data.breakdown.map((l) => l.ruleId)).toEqual(
      expect.arrayContaining(['reaches-decision-maker', 'budget-confirmed']),
    );

    const preview = await app.request('POST', '/scoring-models/preview', {
      token: manager,
      body: { lead: { ...attributes, tags: ['decision-maker', 'budget-confirmed'] } },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.score).toBe(scored.data.score);
    expect(preview.body.breakdown).toEqual(scored.data.breakdown);
  }, 60_000);
});
