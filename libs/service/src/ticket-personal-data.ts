import { subjectFromId, type PersonalFieldDeclarations, type PersonalFieldsOf } from '#ltc/personal-data';
import type { TicketEvent, TicketEventType } from './domain/ticket.events.js';
import { ticketStream } from './service-streams.js';

/**
 * The data subject behind a ticket: the contact who reported it, named after the ticket's stream
 * (`ticket-<ticketId>`), where every personal value about them is written. A caller finds it on
 * the ticket's detail (`contactSubjectId`). A ticket raised for a lead's or a deal's contact, and
 * a follow-up ticket, keep their copy under their own subject: a ticket is its own record of the
 * person, erased on its own.
 */
export const ticketContactSubject = (ticketId: string): string => ticketStream(ticketId);

/** The ticket a subject id names, when it is a ticket's contact. */
export function ticketOfSubject(subjectId: string): string | undefined {
  const prefix = ticketStream('');
  return subjectId.startsWith(prefix) && subjectId.length > prefix.length ? subjectId.slice(prefix.length) : undefined;
}

type DataOf<Type extends TicketEventType> = Extract<TicketEvent, { type: Type }>['data'];

/**
 * The dotted paths of the text values of an event's data (`contact.email`, `note`): the compiler
 * refuses a declared path the event does not have, or one that holds no text.
 */
type TextPathOf<Data> = {
  [Key in keyof Data & string]: NonNullable<Data[Key]> extends string
    ? Key
    : NonNullable<Data[Key]> extends readonly unknown[]
      ? never
      : NonNullable<Data[Key]> extends object
        ? `${Key}.${TextPathOf<NonNullable<Data[Key]>>}`
        : never;
}[keyof Data & string];

const ofTicketContact = <Type extends TicketEventType>(
  fields: readonly TextPathOf<DataOf<Type>>[],
  contactMethods?: {
    readonly email?: readonly TextPathOf<DataOf<Type>>[];
    readonly phone?: readonly TextPathOf<DataOf<Type>>[];
  },
): PersonalFieldsOf => ({
  subject: subjectFromId('ticketId', ticketContactSubject),
  fields,
  ...(contactMethods ? { contactMethods } : {}),
});

/**
 * The personal fields of the ticket events (ADR 0029): how to reach the contact, what they
 * reported in their words (subject and description), and every note and comment written to or
 * about them while the ticket is worked. Sealed under the ticket contact's key in the log. The
 * facts service and its analytics read stay in clear: channel, account, product, category,
 * priority, lines, groups, engineers and other actors' ids, times, SLA states, satisfaction, the
 * routing reasons (assignment, escalation, policy re-application) and the technical record of
 * the fix (plans, resolution, root cause, preventive action, tasks, product requirements).
 */
export const ticketPersonalFields: PersonalFieldDeclarations = {
  TicketAccepted: ofTicketContact<'TicketAccepted'>(
    ['contact.name', 'contact.email', 'contact.phone', 'subject', 'description'],
    { email: ['contact.email'], phone: ['contact.phone'] },
  ),
  TicketGraded: ofTicketContact<'TicketGraded'>(['reason']),
  TicketResponded: ofTicketContact<'TicketResponded'>(['message']),
  TicketProgressRecorded: ofTicketContact<'TicketProgressRecorded'>(['note']),
  TicketWaitStarted: ofTicketContact<'TicketWaitStarted'>(['note']),
  ResolutionPlanAssessed: ofTicketContact<'ResolutionPlanAssessed'>(['note']),
  ResolutionPlanImplemented: ofTicketContact<'ResolutionPlanImplemented'>(['note']),
  TicketVerified: ofTicketContact<'TicketVerified'>(['note']),
  TicketClosed: ofTicketContact<'TicketClosed'>(['note']),
  TicketCallbackRecorded: ofTicketContact<'TicketCallbackRecorded'>(['comment']),
  TicketReopened: ofTicketContact<'TicketReopened'>(['reason']),
  TicketTaskCompleted: ofTicketContact<'TicketTaskCompleted'>(['note']),
};
