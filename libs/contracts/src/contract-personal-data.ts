import { subjectFromId, type PersonalFieldDeclarations, type PersonalFieldsOf } from '#ltc/personal-data';
import { contractStream } from './contract-streams.js';

/**
 * The data subject behind a contract: the customer's people it names (the signatory, those the
 * handover minutes speak of), named after the contract's stream (`contract-<contractId>`), where
 * every personal value about them is written.
 */
export const contractPeopleSubject = (contractId: string): string => contractStream(contractId);

const ofContractPeople = (...fields: string[]): PersonalFieldsOf => ({
  subject: subjectFromId('contractId', contractPeopleSubject),
  fields,
});

/**
 * The personal fields of the contract events (ADR 0029): who signed for the customer, and the
 * minutes of the handover meeting. Sealed under the contract's subject in the log. In clear, so
 * execution, billing and cash work after an erasure: values, terms, dates, the triangle and
 * every actor's id, purchase orders, deliveries, invoices, payments, and the commercial reasons
 * (value difference, amendments, cancellations, rejections, credit notes, termination). The
 * handover's open items and risks are lists, read as lists: they stay in clear, for the delivery
 * facts they are, and should name no one.
 */
export const contractPersonalFields: PersonalFieldDeclarations = {
  ContractSigned: ofContractPeople('signatory'),
  HandoverMeetingHeld: ofContractPeople('notes'),
};
