import { rmSync } from 'node:fs';
import { expectNoFileHolds, holding, rawFiles } from './support/data-folder.js';
import { rebuildEverything, quiet } from './support/rebuild-all.js';
import { ServiceWorld } from './support/service-world.js';
import { eventually } from './support/test-app.js';

const NAME = 'Sigrid Holmqvist';
const EMAIL = 'sigrid.holmqvist@fjordlink-privacy.example';
const PHONE = '+47 22 98 76 54';
const SUBJECT = 'Holmqvist depot trackers dark';
const DESCRIPTION = 'Sigrid says every unit at her depot stopped at 06:10';
const PROGRESS = 'Sigrid will be at the depot until noon';
const CALLBACK = 'Sigrid was happy with the swap';

/**
 * Crypto-shredding of a service ticket's contact (ADR 0029): the person who reported a ticket,
 * what they reported and what was noted about them are sealed under the ticket's own subject;
 * exported on request, then erased; every reader (detail, timeline, list and its search, the
 * stream) shows `[erased]`, live and after a rebuild, the hash chains still verify, and no file
 * of the data folder holds the person any more. The facts of service stay.
 */
describe("Erasing a service ticket's contact", () => {
  let w: ServiceWorld;
  let ticketId: string;
  let subjectId: string;
  let admin: string;
  let closed = false;

  beforeAll(async () => {
    w = await ServiceWorld.start();
    await w.policy();
    ticketId = await w.ticket({
      priority: 'P2',
      contact: { name: NAME, email: EMAIL, phone: PHONE },
      subject: SUBJECT,
      description: DESCRIPTION,
    });
    await w.ok(w.ali, `/tickets/${ticketId}/respond`, { message: `Hello ${NAME}, we are on it` });
    await w.ok(w.ali, `/tickets/${ticketId}/progress`, { note: PROGRESS, visibility: 'internal' });
    await w.ok(w.ali, `/tickets/${ticketId}/resolve`, { resolution: 'Antennas replaced' });
    await w.ok(w.lena, `/tickets/${ticketId}/verify`, {
      rootCause: 'Water ingress',
      preventiveAction: 'Sealed housings',
      noNewProblems: true,
    });
    await w.ok(w.lena, `/tickets/${ticketId}/close`);
    await w.ok(w.lena, `/tickets/${ticketId}/callback`, { satisfaction: 4, comment: CALLBACK });
    admin = await w.sales.app.token(['admin'], 'privacy-officer');
    await quiet(w.sales.app);
  }, 120_000);
  afterAll(async () => {
    if (!closed) await w.sales.app.close();
    rmSync(w.sales.app.dataDir, { recursive: true, force: true });
  });

  const get = async (path: string, token = w.sam) => {
    const response = await w.sales.app.request('GET', path, { token });
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return response.body;
  };
  const listed = async (query = '') =>
    ((await get(`/tickets?limit=200${query}`)).items as Record<string, unknown>[]).filter(
      (item) => item['id'] === ticketId,
    );

  it('seals the contact in the log while every reader sees it, and the ticket names its data subject', async () => {
    const ticket = await get(`/tickets/${ticketId}`);
    expect(ticket).toMatchObject({
      contact: { name: NAME, email: EMAIL, phone: PHONE },
      subject: SUBJECT,
      callback: { comment: CALLBACK },
    });
    subjectId = ticket.contactSubjectId as string;
    expect(subjectId).toBe(`ticket-${ticketId}`);
    expect(await listed('&q=holmqvist')).toHaveLength(1);
    const files = rawFiles(w.sales.app.dataDir);
    // The log and the key file hold none of the person; what readers keep (the list's subject,
    // the audit trail's summaries) is in the read models' file until the erasure.
    for (const text of [SUBJECT, EMAIL, NAME, DESCRIPTION, PROGRESS, CALLBACK])
      expect({ text, files: holding(files, text).filter((file) => !file.startsWith('read-models.sqlite')) }).toEqual({
        text,
        files: [],
      });
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
        [
          'TicketAccepted',
          {
            'contact.name': NAME,
            'contact.email': EMAIL,
            'contact.phone': PHONE,
            subject: SUBJECT,
            description: DESCRIPTION,
          },
        ],
        ['TicketResponded', { message: `Hello ${NAME}, we are on it` }],
        ['TicketProgressRecorded', { note: PROGRESS }],
        ['TicketCallbackRecorded', { comment: CALLBACK }],
      ]),
    );
    // Found from the person's own request, by the ticket contact's email.
    const found = await eventually(async () => {
      const page = await get(`/data-subjects?email=${encodeURIComponent(EMAIL.toUpperCase())}`, admin);
      return (page.subjects as unknown[]).length > 0 ? page : undefined;
    });
    expect(found).toEqual({ subjects: [{ subjectId }] });
  });

  it("is an administrator's: a service manager is refused", async () => {
    const asManager = await w.sales.app.request('POST', `/data-subjects/${subjectId}/erase`, {
      token: w.sam,
      body: { reason: 'no' },
    });
    expect(asManager.status).toBe(403);
  });

  it('erases, and every reader shows [erased]: detail, timeline, list, search, stream, export', async () => {
    const erased = await w.sales.app.request('POST', `/data-subjects/${subjectId}/erase`, {
      token: admin,
      body: { reason: 'Art. 17 request PRIV-3107' },
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ subjectId, erasedBy: 'privacy-officer', alreadyErased: false });

    const ticket = await get(`/tickets/${ticketId}`);
    expect(ticket).toMatchObject({
      contact: { name: '[erased]', email: '[erased]', phone: '[erased]' },
      subject: '[erased]',
      callback: { comment: '[erased]' },
    });
    expect(JSON.stringify(ticket.timeline)).toContain('[erased]');
    for (const text of ['Sigrid', 'Holmqvist', PHONE]) expect(JSON.stringify(ticket)).not.toContain(text);
    // The facts of service stay: account, product, priority, the fix, the satisfaction.
    expect(ticket).toMatchObject({
      customer: { account: 'Nordfrakt AB' },
      product: 'TLM-100',
      priority: 'P2',
      status: 'closed',
      callback: { satisfaction: 4 },
    });

    const [row] = await eventually(async () => {
      const found = await listed();
      return found[0]?.['subject'] === '[erased]' ? found : undefined;
    });
    expect(row).toMatchObject({ subject: '[erased]', account: 'Nordfrakt AB', satisfaction: 4 });
    expect(await listed('&q=holmqvist')).toEqual([]);
    expect(await listed('&q=nordfrakt')).toHaveLength(1);

    const stream = JSON.stringify(await w.events(ticketId));
    expect(stream).not.toContain('Sigrid');
    expect(stream).toContain('Antennas replaced');

    const exported = await get(`/data-subjects/${subjectId}/export`, admin);
    expect(exported.status).toBe('erased');
    const accepted = (exported.records as { type: string; values: Record<string, unknown> }[]).find(
      (r) => r.type === 'TicketAccepted',
    );
    expect(Object.values(accepted?.values ?? {})).toEqual(Array(5).fill('[erased]'));
    await eventually(async () => {
      const page = await get(`/data-subjects?email=${encodeURIComponent(EMAIL)}`, admin);
      return (page.subjects as unknown[]).length === 0 ? page : undefined;
    });
  });

  it('leaves every stored event as it was: the hash chains verify', async () => {
    const report = await get('/audit/verify', w.sales.auditor);
    expect(report.breaks).toEqual([]);
    expect(report.eventsChecked).toBeGreaterThan(10);
  });

  it('a full rebuild reads [erased] too', async () => {
    const before = await listed();
    await rebuildEverything(w.sales.app, 60_000);
    expect(await listed()).toEqual(before);
    expect(await listed('&q=holmqvist')).toEqual([]);
    const ticket = await get(`/tickets/${ticketId}`);
    expect(ticket).toMatchObject({ contact: { email: '[erased]' }, subject: '[erased]' });
  }, 120_000);

  it('no file of the data folder holds the person any more (event store, read models, keys; WAL checkpointed)', async () => {
    await w.sales.app.close();
    closed = true;
    expectNoFileHolds(w.sales.app.dataDir, [
      EMAIL,
      EMAIL.toUpperCase(),
      NAME,
      SUBJECT,
      SUBJECT.toLowerCase(),
      DESCRIPTION,
      PROGRESS,
      CALLBACK,
      PHONE,
    ]);
  });
});
