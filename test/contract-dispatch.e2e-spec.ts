import { randomUUID } from 'node:crypto';
import { CommandRegistry } from '#ltc/platform';
import { SYSTEM_ACTOR } from '#ltc/projections';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The contract commands process managers and timers send, through the CommandRegistry as the
 * engine's dispatcher does: a won deal drafts its contract once however often the win is
 * replayed, and never stalls on a contract that already exists; the invoice timers' commands
 * are registered under the names the dunning process manager sends.
 */
describe('Contract commands dispatched by process managers and timers', () => {
  let app: TestApp;
  let registry: CommandRegistry;
  let auditor: string;

  const dispatch = (type: string, payload: Record<string, unknown>, key: string = randomUUID()) =>
    registry.dispatch(
      { type, payload },
      { idempotencyKey: key, actor: SYSTEM_ACTOR, tenantId: 'acme', correlationId: 'corr', causationId: key },
    );

  const events = async (id: string): Promise<{ type: string; data: Record<string, unknown> }[]> =>
    (await app.request('GET', `/streams/contract-${id}?limit=1000`, { token: auditor })).body.events ?? [];

  const draft = (contractId: string, dealId = contractId) => ({
    contractId,
    dealId,
    quoteVersion: 2,
    quoteTotal: { amountMinor: 3_200_000, currency: 'EUR' },
    triangle: { ar: 'ingrid', sr: 'sven', fr: 'fia', sponsor: 'maria' },
  });

  beforeAll(async () => {
    app = await startTestApp();
    registry = app.app.get(CommandRegistry);
    auditor = await app.token(['auditor'], 'audrey');
  });
  afterAll(async () => app.destroy());

  it('drafts a won deal’s contract once, on a retried key and on a replay under a new key', async () => {
    const id = randomUUID();
    const key = randomUUID();
    await dispatch('contract.DraftContract', draft(id), key);
    await dispatch('contract.DraftContract', draft(id), key);
    await dispatch('contract.DraftContract', draft(id));
    const stored = await events(id);
    expect(stored.map((e) => e.type)).toEqual(['ContractDrafted']);
    expect(stored[0]?.data).toMatchObject({ contractId: id, dealId: id, quoteVersion: 2 });
  });

  it('leaves a contract drafted for another deal as it is instead of stalling', async () => {
    const id = randomUUID();
    await dispatch('contract.DraftContract', draft(id));
    await expect(dispatch('contract.DraftContract', draft(id, randomUUID()))).resolves.toBeUndefined();
    expect((await events(id)).map((e) => e.type)).toEqual(['ContractDrafted']);
  });

  it('registers the invoice timers’ commands; an unknown contract is not found', async () => {
    const id = randomUUID();
    const invoiceId = randomUUID();
    await expect(dispatch('contract.FlagInvoiceOverdue', { contractId: id, invoiceId })).rejects.toMatchObject({
      name: expect.stringMatching(/NotFound/),
    });
    await expect(
      dispatch('contract.SendInvoiceReminder', { contractId: id, invoiceId, daysAfterDue: 7 }),
    ).rejects.toMatchObject({ name: expect.stringMatching(/NotFound/) });
    expect(await events(id)).toEqual([]);
  });
});
