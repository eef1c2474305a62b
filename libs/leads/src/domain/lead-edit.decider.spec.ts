import { LEAD, NOW, capture, given, historyOf } from '../../test/lead-decider.support.js';
import type { EditLead } from './lead.commands.js';

const edit = (overrides: Partial<EditLead> = {}): EditLead => ({
  type: 'EditLead',
  leadId: LEAD,
  details: {},
  contact: {},
  now: NOW,
  ...overrides,
});

describe('Lead › edit', () => {
  const captured = () => historyOf(capture);

  it('records only the fields that changed, each with before and after', () => {
    const data = given(captured())
      .when(
        edit({
          details: {
            name: capture.name,
            company: 'Nordfrakt Logistik AB',
            estimatedDealSize: { amountMinor: 300_000_00, currency: 'SEK' },
          },
        }),
      )
      .thenEmitsOne('LeadDetailsEdited');
    expect(data.changes).toEqual({
      company: { before: capture.company, after: 'Nordfrakt Logistik AB' },
      estimatedDealSize: {
        before: { amountMinor: 250_000_00, currency: 'EUR' },
        after: { amountMinor: 300_000_00, currency: 'SEK' },
      },
    });
  });

  it('a new email is lower-cased and recorded as a contact change; the lead keeps the new value', () => {
    const changed = given(captured()).when(edit({ contact: { email: 'New@Nordfrakt.Example' } }));
    expect(changed.thenEmitsOne('LeadContactChanged')).toEqual({
      leadId: LEAD,
      email: { before: capture.contact.email, after: 'new@nordfrakt.example' },
      complete: true,
      at: NOW.toISOString(),
    });
    const lead = given(changed.history).state;
    expect(lead.status !== 'none' && lead.profile.contact.email).toBe('new@nordfrakt.example');
  });

  it('nothing that differs: no event; a missing lead: not found; a closed lead: LEAD_CLOSED', () => {
    given(captured())
      .when(edit({ details: { name: capture.name }, contact: { email: capture.contact.email } }))
      .thenNothing();
    given([])
      .when(edit({ details: { name: 'x' } }))
      .thenFails('LEAD_NOT_FOUND');
    const closed = historyOf(capture, {
      type: 'DisqualifyLead',
      leadId: LEAD,
      reasonCode: 'no_need',
      note: null,
      now: NOW,
    });
    given(closed)
      .when(edit({ details: { name: 'x' } }))
      .thenFails('LEAD_CLOSED');
  });
});
