import { asLeadEvent, parseLeadEvent } from './lead-event.js';
import { evolveLead } from './lead.evolve.js';
import { initialLeadState } from './lead.state.js';
import type { LeadEvent } from './lead.events.js';

const capturedBefore = (estimatedDealSize: unknown) => ({
  type: 'LeadCaptured',
  data: {
    leadId: 'l1',
    name: 'Robots',
    company: null,
    contact: { person: null, email: null, phone: null },
    source: 'website',
    region: null,
    complete: false,
    capturedAt: '2026-01-01T00:00:00.000Z',
    estimatedDealSize,
  },
});

describe('Lead events stored before deal sizes carried a currency', () => {
  it('read a plain number as that many EUR, in cents, in projections and in the decider alike', () => {
    const event = asLeadEvent(capturedBefore(2500.5));
    expect(event?.type === 'LeadCaptured' && event.data.estimatedDealSize).toEqual({
      amountMinor: 250050,
      currency: 'EUR',
    });
    const state = evolveLead(initialLeadState(), capturedBefore(400000) as LeadEvent);
    expect(state.status !== 'none' && state.profile.estimatedDealSize).toEqual({
      amountMinor: 40000000,
      currency: 'EUR',
    });
  });

  it('leave today’s amounts and absent sizes as they are', () => {
    const money = { amountMinor: 99, currency: 'SEK' };
    const today = asLeadEvent(capturedBefore(money));
    expect(today?.type === 'LeadCaptured' && today.data.estimatedDealSize).toEqual(money);
    const none = asLeadEvent(capturedBefore(null));
    expect(none?.type === 'LeadCaptured' && none.data.estimatedDealSize).toBeNull();
  });

  it('one narrowing for every reader: folds keep a voided capture, readers skip it, neither knows foreign types', () => {
    const voided = { type: 'LeadCaptureVoided', data: { leadId: 'l1' } };
    expect(parseLeadEvent(voided)?.type).toBe('LeadCaptureVoided');
    expect(asLeadEvent(voided)).toBeUndefined();
    const foreign = { type: 'RepRegistered', data: {} };
    expect([parseLeadEvent(foreign), asLeadEvent(foreign)]).toEqual([undefined, undefined]);
  });
});
