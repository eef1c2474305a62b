import { InMemoryEventStore } from '#ltc/event-store';
import {
  ERASED,
  PersonalData,
  PersonalDataEventStore,
  SqliteKeyStore,
  declarePersonalFields,
  valueAt,
} from '#ltc/personal-data';
import { HOUR, MINUTE, POLICY, accept, at, historyOf, lena, play } from '../test/ticket-decider.support.js';
import type { TicketEvent } from './domain/ticket.events.js';
import { metadata } from './read-models/test/ticket-history.js';
import { ticketContactSubject, ticketOfSubject, ticketPersonalFields } from './ticket-personal-data.js';

/** Each personal value of the history below, told apart so a leak names its field. */
const PERSONAL = {
  name: 'Greta Lindqvist',
  email: 'greta.lindqvist@nordfrakt.example',
  phone: '+46 8 555 010 42',
  subject: 'Greta cannot see her trucks',
  description: 'Greta says the units went dark at her depot in Solna',
  grade: 'Greta runs the depot alone this week',
  message: 'Hello Greta, we are on it',
  progress: 'Called Greta on her mobile',
  wait: 'Greta sends the serials tonight',
  assessed: 'Approved with Greta',
  implemented: 'Greta confirmed the swap',
  verified: 'Greta checked every unit',
  closed: 'Greta agreed to close',
  callback: 'Greta was pleased',
  reopened: 'Greta reports two units dark again',
  task: 'Greta let the courier in',
};

/**
 * One ticket through every step that writes a personal field, decided by the ticket's own
 * functional core, with a personal value in each.
 */
function lifecycle(): TicketEvent[] {
  const accepted = historyOf(
    accept({
      contact: { name: PERSONAL.name, email: PERSONAL.email, phone: PERSONAL.phone },
      subject: PERSONAL.subject,
      description: PERSONAL.description,
    }),
    at(0, { type: 'AssignTicket', owner: { group: 'hotline', engineer: 'ali' }, reason: null }),
  );
  return play(
    accepted,
    at(MINUTE, {
      type: 'GradeTicket',
      grading: { priority: 'P2', impact: null, urgency: null },
      reason: PERSONAL.grade,
    }),
    at(2 * MINUTE, { type: 'RespondToTicket', message: PERSONAL.message }),
    at(3 * MINUTE, { type: 'RecordProgress', note: PERSONAL.progress, visibility: 'internal' }),
    at(4 * MINUTE, { type: 'StartWaiting', reason: 'customer', note: PERSONAL.wait }),
    at(5 * MINUTE, { type: 'ResumeTicket' }),
    at(6 * MINUTE, { type: 'ProposeResolutionPlan', planId: 'p1', summary: 'Swap the units', steps: ['Swap'] }),
    at(7 * MINUTE, { type: 'AssessResolutionPlan', decision: 'approved', note: PERSONAL.assessed }, lena),
    at(8 * MINUTE, {
      type: 'OpenTask',
      taskId: 'k1',
      title: 'Courier the units',
      kind: 'logistics',
      line: 1,
      owner: { group: 'hotline', engineer: 'ali' },
      calendar: POLICY.calendar,
    }),
    at(9 * MINUTE, { type: 'CompleteTask', taskId: 'k1', note: PERSONAL.task }),
    at(10 * MINUTE, { type: 'MarkPlanImplemented', note: PERSONAL.implemented }),
    at(HOUR, { type: 'ResolveTicket', resolution: 'Units swapped' }),
    at(
      2 * HOUR,
      {
        type: 'VerifyTicket',
        rootCause: 'Water ingress',
        preventiveAction: 'Sealed housings',
        noNewProblems: true,
        note: PERSONAL.verified,
      },
      lena,
    ),
    at(3 * HOUR, { type: 'CloseTicket', note: PERSONAL.closed }, lena),
    at(4 * HOUR, { type: 'RecordCallback', satisfaction: 5, comment: PERSONAL.callback }, lena),
    at(5 * HOUR, { type: 'ReopenTicket', reason: PERSONAL.reopened }),
  );
}

describe('The personal fields of ticket events', () => {
  const history = lifecycle();

  it('name fields every declared event type has, each holding text, and find the contact by email and phone', () => {
    for (const [type, declared] of Object.entries(ticketPersonalFields)) {
      const events = history.filter((event) => event.type === type);
      expect({ type, written: events.length > 0 }).toEqual({ type, written: true });
      for (const event of events) {
        for (const path of declared.fields)
          expect({ type, path, value: typeof valueAt(event.data, path) }).toEqual({
            type,
            path,
            value: 'string',
          });
        expect(declared.subject(event.data)).toBe(ticketContactSubject(event.data.ticketId));
      }
      const methods = [...(declared.contactMethods?.email ?? []), ...(declared.contactMethods?.phone ?? [])];
      for (const path of methods) expect(declared.fields).toContain(path);
    }
    expect(ticketPersonalFields['TicketAccepted']?.contactMethods).toEqual({
      email: ['contact.email'],
      phone: ['contact.phone'],
    });
  });

  it('name the subject after the ticket stream, and read it back', () => {
    expect(ticketContactSubject('tk-1')).toBe('ticket-tk-1');
    expect(ticketOfSubject('ticket-tk-1')).toBe('tk-1');
    expect(ticketOfSubject('ticket-')).toBeUndefined();
    expect(ticketOfSubject('lead-tk-1')).toBeUndefined();
  });

  describe('in the event store', () => {
    let stored: InMemoryEventStore;
    let personal: PersonalData;
    let store: PersonalDataEventStore;
    beforeAll(() => declarePersonalFields(ticketPersonalFields));
    beforeEach(async () => {
      stored = new InMemoryEventStore();
      personal = new PersonalData(new SqliteKeyStore(':memory:'));
      store = new PersonalDataEventStore(stored, personal);
      await store.appendToStream(
        'ticket-tk-1',
        history.map((event) => ({ type: event.type, data: event.data, metadata: metadata('acme', 'ali') })),
      );
    });
    afterEach(() => personal.close());

    it('are sealed: the stored events hold none of them, while the facts of service stay in clear', async () => {
      const raw = JSON.stringify((await stored.readStream('ticket-tk-1')).map((event) => event.data));
      for (const value of Object.values(PERSONAL))
        expect({ value, stored: raw.includes(value) }).toEqual({
          value,
          stored: false,
        });
      expect(raw).not.toContain('Greta');
      for (const fact of ['Nordfrakt AB', 'TLM-100', 'hardware', 'P2', 'Units swapped', 'Water ingress', 'Swap'])
        expect(raw).toContain(fact);
    });

    it('are opened for every reader, and read [erased] once the contact is erased', async () => {
      const opened = await store.readStream('ticket-tk-1');
      expect(opened.map(({ type, data }) => ({ type, data }))).toEqual(
        history.map(({ type, data }) => ({ type, data })),
      );
      await personal.erase(ticketContactSubject('tk-1'), new Date());
      const erased = await store.readStream('ticket-tk-1');
      const text = JSON.stringify(erased.map((event) => event.data));
      expect(text).not.toContain('Greta');
      const accepted = erased.find((event) => event.type === 'TicketAccepted');
      expect(accepted?.data).toMatchObject({
        contact: { name: ERASED, email: ERASED, phone: ERASED },
        subject: ERASED,
        description: ERASED,
        customer: { account: 'Nordfrakt AB' },
      });
    });
  });
});
