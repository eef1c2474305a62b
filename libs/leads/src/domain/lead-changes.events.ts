import type { DomainEvent, Money } from '#ltc/kernel';

/**
 * Proof that this lead will never be captured: written as the first event of a lead stream
 * by a capture that takes over a contact reservation whose lead was never written (its
 * capture crashed, or was refused for its other contact). The original capture appends
 * `LeadCaptured` expecting no stream, so once this is stored it can only fail: the contact
 * is free without any clock deciding how long to wait (ADR 0008). Not part of any lead's
 * history: read models and process managers never see it.
 */
export type LeadCaptureVoided = DomainEvent<
  'LeadCaptureVoided',
  {
    readonly leadId: string;
    /** The contact whose reservation named this lead. */
    readonly contactKind: 'email' | 'phone';
    readonly at: string;
  }
>;

/** A field's value before and after an edit, so the audit trail reads without replaying. */
export interface FieldChange<Value> {
  readonly before: Value;
  readonly after: Value;
}

/** The lead's descriptive fields a user may correct (contact methods move reservations: `LeadContactChanged`). */
export interface EditableLeadDetails {
  readonly name: string;
  readonly company: string | null;
  readonly contactPerson: string | null;
  readonly region: string | null;
  readonly language: string | null;
  readonly industry: string | null;
  readonly estimatedDealSize: Money | null;
  readonly notes: string | null;
}

/** Someone corrected or completed the lead's details; only the fields that changed, each with before and after. */
export type LeadDetailsEdited = DomainEvent<
  'LeadDetailsEdited',
  {
    readonly leadId: string;
    readonly changes: { readonly [Field in keyof EditableLeadDetails]?: FieldChange<EditableLeadDetails[Field]> };
    readonly at: string;
  }
>;

/**
 * The lead's email and/or phone changed (only the ones that did). The new contact was
 * reserved for this lead before this was stored, and the old one is released after (ADR 0008).
 */
export type LeadContactChanged = DomainEvent<
  'LeadContactChanged',
  {
    readonly leadId: string;
    readonly email?: FieldChange<string | null>;
    readonly phone?: FieldChange<string | null>;
    /** Whether the lead still has a contact method afterwards. */
    readonly complete: boolean;
    readonly at: string;
  }
>;
