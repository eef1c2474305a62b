import type { DomainEvent } from '#ltc/kernel';

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
