import { LEAD, NOW, capture, given, rejects, then, when } from '../../test/lead-decider.support.js';
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
  const captured = () => [...when([], capture)];

  it('records only the fields that changed, each with before and after', () => {
    const data = then(
      when(
        captured(),
        edit({
          details: {
            name: capture.name,
            company: 'Nordfrakt Logistik AB',
            estimatedDealSize: { amountMinor: 300_000_00, currency: 'SEK' },
          },
        }),
      ),
      'LeadDetailsEdited',
    );
    expect(data.changes).toEqual({
      company: { before: capture.company, after: 'Nordfrakt Logistik AB' },
      estimatedDealSize: {
        before: { amountMinor: 250_000_00, currency: 'EUR' },
        after: { amountMinor: 300_000_00, currency: 'SEK' },
      },
    });
  });

  it('a new email is lower-cased and recorded as a contact change; the lead keeps the new value', () => {
    const history = captured();
    const events = when(history, edit({ contact: { email: 'New@Nordfrakt.Example' } }));
    expect(then(events, 'LeadContactChanged')).toEqual({
      leadId: LEAD,
      email: { before: capture.contact.email, after: 'new@nordfrakt.example' },
      complete: true,
      at: NOW.toISOString(),
    });
    const lead = given([...history, ...events]);
    expect(lead.status !== 'none' && lead.profile.contact.email).toBe('new@nordfrakt.example');
  });

  it('nothing that differs: no event; a missing lead: not found; a closed lead: LEAD_CLOSED', () => {
    expect(
      when(captured(), edit({ details: { name: capture.name }, contact: { email: capture.contact.email } })),
    ).toEqual([]);
    rejects([], edit({ details: { name: 'x' } }), 'LEAD_NOT_FOUND');
    const closed = [
      ...captured(),
      ...when(captured(), { type: 'DisqualifyLead', leadId: LEAD, reasonCode: 'no_need', note: null, now: NOW }),
    ];
    rejects(closed, edit({ details: { name: 'x' } }), 'LEAD_CLOSED');
  });
});
