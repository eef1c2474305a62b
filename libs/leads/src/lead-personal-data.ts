import { subjectFromId, type PersonalFieldDeclarations, type PersonalFieldsOf } from '#ltc/personal-data';
import { leadStream } from './lead-stream.js';

/**
 * The data subject behind a lead: the lead's contact person, named after the lead's stream
 * (`lead-<leadId>`), where every personal value about them is written. A caller finds it on
 * the lead's detail (`contactSubjectId`).
 */
export const leadContactSubject = (leadId: string): string => leadStream(leadId);

/** The lead a subject id names, when it is a lead's contact. */
export function leadOfSubject(subjectId: string): string | undefined {
  const prefix = leadStream('');
  return subjectId.startsWith(prefix) && subjectId.length > prefix.length ? subjectId.slice(prefix.length) : undefined;
}

const ofLeadContact = (...fields: string[]): PersonalFieldsOf => ({
  subject: subjectFromId('leadId', leadContactSubject),
  fields,
});

/** With the fields that reach the person, by which a data subject is looked up (`GET /data-subjects?email=`). */
const reaching = (fields: PersonalFieldsOf, email: string[], phone: string[]): PersonalFieldsOf => ({
  ...fields,
  contactMethods: { email, phone },
});

/**
 * The personal fields of the lead events (ADR 0029): how to reach the person, what was noted
 * about them and what they said. Sealed under the lead contact's key in the log; the facts
 * analytics and audit read (sources, stages, times, amounts, reps, reason codes, the lead's
 * and company's names) stay in clear.
 */
export const leadPersonalFields: PersonalFieldDeclarations = {
  LeadCaptured: reaching(
    ofLeadContact('contact.person', 'contact.email', 'contact.phone', 'notes'),
    ['contact.email'],
    ['contact.phone'],
  ),
  LeadTouchRecorded: ofLeadContact('note'),
  LeadInteractionRecorded: ofLeadContact('detail'),
  LeadContactAttempted: ofLeadContact('note'),
  LeadDisqualified: ofLeadContact('note'),
  LeadNurtured: ofLeadContact('reason'),
  LeadDetailsEdited: ofLeadContact(
    'changes.contactPerson.before',
    'changes.contactPerson.after',
    'changes.notes.before',
    'changes.notes.after',
  ),
  LeadContactChanged: reaching(
    ofLeadContact('email.before', 'email.after', 'phone.before', 'phone.after'),
    ['email.before', 'email.after'],
    ['phone.before', 'phone.after'],
  ),
  LeadConverted: ofLeadContact('contactPerson'),
};
