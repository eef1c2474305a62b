import {
  contractWorld,
  deliverAndAccept,
  handedOverContract,
  invoice,
  placeOrder,
  wonDeal,
  type ContractWorld,
} from './support/contract-world.js';
import { EUR } from './support/opportunity-world.js';

/**
 * Twenty payments of one invoice arrive at once and together would pay it twice over. Each is
 * decided over the contract's own stream with optimistic concurrency, so whatever interleaving the
 * embedded store sees, the accepted ones sum to at most what was open, every other one is refused
 * with 409 PAYMENT_EXCEEDS_OPEN_AMOUNT, and the stream holds exactly the accepted ones.
 */

const OPEN = 1_000_000;
const EACH = 100_000;
const PAYMENTS = 20;

describe('Simultaneous payments of one invoice', () => {
  let w: ContractWorld;
  beforeAll(async () => {
    w = await contractWorld();
  }, 60_000);
  afterAll(async () => w.sales.app.destroy());

  it('never overpay it: the accepted ones sum to the open amount, the rest are 409 and nothing is lost', async () => {
    const { contracts, ingrid } = w;
    const { dealId } = await wonDeal(w);
    const contractId = await handedOverContract(w, dealId);
    const order = await placeOrder(w, contractId, 30, 'Wave 1');
    // Accepted 2 000 000 but invoiced only half, so the contract stays open whatever is paid.
    await deliverAndAccept(w, contractId, order, 2 * OPEN);
    const invoiceId = await invoice(w, contractId, OPEN);

    const answers = await Promise.all(
      Array.from({ length: PAYMENTS }, () =>
        contracts.post(ingrid, `/contracts/${contractId}/invoices/${invoiceId}/payments`, {
          amount: EUR(EACH),
          receivedOn: '2026-03-20',
        }),
      ),
    );

    const accepted = answers.filter((a) => a.status < 300);
    const refused = answers.filter((a) => a.status >= 300);
    expect(accepted.length * EACH).toBeLessThanOrEqual(OPEN);
    expect(refused.map((a) => [a.status, a.body?.code])).toEqual(
      refused.map(() => [409, 'PAYMENT_EXCEEDS_OPEN_AMOUNT']),
    );
    // Refused only once nothing was open: no payment was lost to a conflict.
    expect(accepted).toHaveLength(OPEN / EACH);

    const received = (await w.sales.events(`contract-${contractId}`)).filter((e) => e.type === 'PaymentReceived');
    expect(received).toHaveLength(accepted.length);
    const paid = received.map((e) => (e.data['amount'] as { amountMinor: number }).amountMinor);
    expect(paid.reduce((sum, amount) => sum + amount, 0)).toBe(accepted.length * EACH);
    expect(new Set(received.map((e) => e.data['paymentId'])).size).toBe(accepted.length);
    await contracts.balance(ingrid, contractId, { invoiced: OPEN, paid: OPEN, outstanding: 0 });
  }, 120_000);
});
