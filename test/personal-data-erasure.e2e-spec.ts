import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { runCli } from './support/cli.js';
import { expectNoFileHolds, holding, rawFiles } from './support/data-folder.js';
import { convertedLead, world, type World } from './support/opportunity-world.js';
import { rebuildEverything, quiet } from './support/rebuild-all.js';
import { TEST_SECRET, eventually } from './support/test-app.js';

const EMAIL = 'anna.kestrel@lumen-privacy.example';
const PHONE = '+46 70 123 45 67';
const PERSON = 'Anna Kestrel';
const NOTE = 'Anna prefers calls after 15:00';
// The keys in the key store are wrapped with a master key, as a production deployment should have it.
const MASTER_KEY = randomBytes(32).toString('base64');

/**
 * Crypto-shredding end to end (ADR 0029): a lead's contact is sealed in the log, exported on
 * request, then erased; every reader shows `[erased]`, live and after a rebuild, the hash
 * chains still verify, and no file of the data folder holds the email any more.
 */
describe('Erasing a lead contact', () => {
  let w: World;
  let leadId: string;
  let dealId: string;
  let subjectId: string;
  let admin: string;
  let auditor: string;
  let closed = false;

  beforeAll(async () => {
    w = await world(undefined, { env: { LTC_PERSONAL_DATA_KEY: MASTER_KEY } });
    ({ leadId, dealId } = await convertedLead(w, {
      contactPerson: PERSON,
      email: EMAIL,
      phone: PHONE,
      notes: NOTE,
    }));
    admin = await w.sales.app.token(['admin'], 'privacy-officer');
    auditor = w.sales.auditor;
    // The same person again: a duplicate found by the keyed hash of the email, kept as a touch.
    const again = await w.sales.app.request('POST', '/leads', {
      token: w.sales.manager,
      body: {
        name: 'Second enquiry',
        email: EMAIL.toUpperCase(),
        source: 'website',
        notes: `${NOTE} (again)`,
        onDuplicate: 'touch',
      },
    });
    expect([again.status, again.body.id]).toEqual([200, leadId]);
    await w.sales.waitFor(leadId, 'LeadTouchRecorded');
    await quiet(w.sales.app);
  }, 120_000);
  afterAll(async () => {
    if (!closed) await w.sales.app.close();
    rmSync(w.sales.app.dataDir, { recursive: true, force: true });
  });

  const get = async (path: string, token = w.sales.manager) => {
    const response = await w.sales.app.request('GET', path, { token });
    expect(response.status).toBe(200);
    return response.body;
  };

  it('seals the contact in the log while every reader sees it, and the lead names its data subject', async () => {
    const lead = await get(`/leads/${leadId}`);
    expect(lead).toMatchObject({ contactPerson: PERSON, email: EMAIL, phone: PHONE, notes: NOTE });
    subjectId = lead.contactSubjectId as string;
    expect(subjectId).toBe(`lead-${leadId}`);
    const files = rawFiles(w.sales.app.dataDir);
    expect(holding(files, EMAIL)).toEqual(['read-models.sqlite']);
    expect(holding(files, NOTE)).toEqual(['read-models.sqlite']);
  });

  it('exports everything held about the subject, decrypted, before the erasure', async () => {
    const exported = await get(`/data-subjects/${subjectId}/export`, admin);
    expect(exported).toMatchObject({ subjectId, status: 'active', erasedAt: null });
    const values = (exported.records as { type: string; values: Record<string, unknown> }[]).map((r) => [
      r.type,
      r.values,
    ]);
    expect(values).toEqual(
      expect.arrayContaining([
        ['LeadCaptured', { 'contact.person': PERSON, 'contact.email': EMAIL, 'contact.phone': PHONE, notes: NOTE }],
        ['LeadTouchRecorded', { note: `${NOTE} (again)` }],
        ['LeadConverted', { contactPerson: PERSON }],
        // The deal opened from the lead carries the same person, in the opportunity's stream.
        ['OpportunityOpened', { 'lead.contactPerson': PERSON }],
      ]),
    );
    const streams = new Set((exported.records as { stream: string }[]).map((r) => r.stream));
    expect([...streams].sort()).toEqual([subjectId, `opportunity-${dealId}`].sort());
  });

  it('finds the subject by email or phone, however written, without the read log keeping either', async () => {
    const byEmail = await get(`/data-subjects?email=${encodeURIComponent(EMAIL.toUpperCase())}`, admin);
    expect(byEmail).toEqual({ subjects: [{ subjectId }] });
    const byPhone = await get(`/data-subjects?phone=${encodeURIComponent('+46-70-123 4567')}`, admin);
    expect(byPhone).toEqual({ subjects: [{ subjectId }] });
    expect(await get(`/data-subjects?email=nobody%40lumen-privacy.example`, admin)).toEqual({ subjects: [] });
    const otherTenant = await w.sales.app.request('GET', `/data-subjects?email=${encodeURIComponent(EMAIL)}`, {
      token: await w.sales.app.token(['admin'], 'root', 'globex'),
    });
    expect([otherTenant.status, otherTenant.body]).toEqual([200, { subjects: [] }]);
    const neither = await w.sales.app.request('GET', '/data-subjects', { token: admin });
    expect([neither.status, neither.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const badEmail = await w.sales.app.request('GET', '/data-subjects?email=not-an-email', { token: admin });
    expect(badEmail.status).toBe(400);
    const asManager = await w.sales.app.request('GET', `/data-subjects?email=${encodeURIComponent(EMAIL)}`, {
      token: w.sales.manager,
    });
    expect(asManager.status).toBe(403);
    const reads = await get('/audit/reads?kind=data_subject_lookup', auditor);
    const lookups = reads.entries as { filters: Record<string, string> }[];
    expect(lookups.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(lookups)).not.toMatch(/lumen-privacy|\+46/i);
    expect(lookups.some((entry) => entry.filters['email'] === '[withheld]')).toBe(true);
  });

  it("is an administrator's: others are refused, an unknown subject is a 404, a reason is required", async () => {
    const asManager = await w.sales.app.request('POST', `/data-subjects/${subjectId}/erase`, {
      token: w.sales.manager,
      body: { reason: 'no' },
    });
    expect(asManager.status).toBe(403);
    const unknown = await w.sales.app.request('POST', `/data-subjects/lead-${dealId}x/erase`, {
      token: admin,
      body: { reason: 'Art. 17 request' },
    });
    expect(unknown.status).toBe(404);
    const otherTenant = await w.sales.app.request('GET', `/data-subjects/${subjectId}/export`, {
      token: await w.sales.app.token(['admin'], 'root', 'globex'),
    });
    expect(otherTenant.status).toBe(404);
    const noReason = await w.sales.app.request('POST', `/data-subjects/${subjectId}/erase`, { token: admin, body: {} });
    expect(noReason.status).toBe(400);
  });

  it('erases once (twice is fine) and every reader shows [erased]: detail, list, search, timeline, deal history', async () => {
    const erased = await w.sales.app.request('POST', `/data-subjects/${subjectId}/erase`, {
      token: admin,
      body: { reason: 'Art. 17 request PRIV-2041' },
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ subjectId, erasedBy: 'privacy-officer', alreadyErased: false });
    const again = await w.sales.app.request('POST', `/data-subjects/${subjectId}/erase`, {
      token: admin,
      body: { reason: 'again' },
    });
    expect([again.status, again.body.alreadyErased, again.body.reason]).toEqual([
      200,
      true,
      'Art. 17 request PRIV-2041',
    ]);

    const lead = await eventually(async () => {
      const found = await get(`/leads/${leadId}`);
      return found.email === '[erased]' ? found : undefined;
    });
    expect(lead).toMatchObject({ contactPerson: '[erased]', email: '[erased]', phone: '[erased]', notes: '[erased]' });
    expect(JSON.stringify(lead.timeline)).not.toContain(EMAIL);
    expect(JSON.stringify(lead.timeline)).toContain('[erased]');
    // Non-personal facts stay: source, company, deal size, the deal it became.
    expect(lead).toMatchObject({ source: 'webinar', company: 'Nordfrakt AB', status: 'converted', dealId });

    const listed = await get(`/leads?limit=200`);
    const row = (listed.items as Record<string, unknown>[]).find((item) => item['id'] === leadId);
    expect(row).toMatchObject({ contactPerson: '[erased]', email: '[erased]', phone: '[erased]' });
    expect((await get(`/leads?q=kestrel`)).items).toEqual([]);

    const history = await eventually(async () => {
      const page = await get(`/deals/${dealId}/history?limit=500`, auditor);
      const touch = (page.entries as { type: string; summary: string }[]).find((e) => e.type === 'LeadTouchRecorded');
      return touch?.summary.includes('[erased]') ? page : undefined;
    });
    expect(JSON.stringify(history)).not.toContain('Anna');
    const csv = await fetch(`${w.sales.app.baseUrl}/deals/${dealId}/history?limit=500`, {
      headers: { authorization: `Bearer ${auditor}`, accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('[erased]');
    expect(text).not.toContain('Anna');

    const exported = await get(`/data-subjects/${subjectId}/export`, admin);
    expect(exported.status).toBe('erased');
    const captured = (exported.records as { type: string; values: Record<string, unknown> }[]).find(
      (r) => r.type === 'LeadCaptured',
    );
    expect(captured?.values).toEqual({
      'contact.person': '[erased]',
      'contact.email': '[erased]',
      'contact.phone': '[erased]',
      notes: '[erased]',
    });
    // An erased person can no longer be found by their email.
    await eventually(async () => {
      const found = await get(`/data-subjects?email=${encodeURIComponent(EMAIL)}`, admin);
      return (found.subjects as unknown[]).length === 0 ? found : undefined;
    });
  });

  it('leaves every stored event as it was: the hash chains verify', async () => {
    const report = await get('/audit/verify', auditor);
    expect(report.breaks).toEqual([]);
    expect(report.eventsChecked).toBeGreaterThan(10);
  });

  it('a full rebuild reads [erased] too', async () => {
    await rebuildEverything(w.sales.app, 60_000);
    const lead = await get(`/leads/${leadId}`);
    expect(lead).toMatchObject({ contactPerson: '[erased]', email: '[erased]', phone: '[erased]', notes: '[erased]' });
    const page = await get(`/deals/${dealId}/history?limit=500`, auditor);
    expect(JSON.stringify(page)).not.toContain('Anna');
    expect(await get(`/data-subjects?email=${encodeURIComponent(EMAIL)}`, admin)).toEqual({ subjects: [] });
  }, 120_000);

  it('ltc export events carries no personal data of the erased subject', async () => {
    const run = await runCli(['export', 'events'], {
      LTC_DATA_DIR: w.sales.app.dataDir,
      LTC_JWT_SECRET: TEST_SECRET,
      LTC_PERSONAL_DATA_KEY: MASTER_KEY,
      LOG_LEVEL: 'silent',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('LeadCaptured');
    for (const text of [EMAIL, PERSON, NOTE, 'Kestrel']) expect(run.stdout).not.toContain(text);
  });

  it('no file of the data folder holds the email any more (event store, read models, keys; WAL checkpointed)', async () => {
    await w.sales.app.close();
    closed = true;
    expectNoFileHolds(w.sales.app.dataDir, [EMAIL, EMAIL.toUpperCase(), NOTE, PHONE]);
  });
});
