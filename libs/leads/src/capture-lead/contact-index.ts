import { createHash, randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError, streamName, type EventMetadata, type EventStore } from '#ltc/event-store';
import { leadStream } from '../lead-stream.js';

/** A contact method that identifies a lead within a tenant. */
export interface ContactKey {
  readonly kind: 'email' | 'phone';
  readonly value: string;
}

const ABANDONED_AFTER_MS = 30_000;

export type ReservationResult =
  { readonly reserved: true } | { readonly reserved: false; readonly existingLeadId: string };

/**
 * Makes "one lead per email/phone per tenant" hold under concurrency. A read model
 * would let two simultaneous captures of the same email both through; a reservation
 * stream per contact (`leadContact-<hash>`, appended with an expected revision) cannot.
 * A reservation whose lead was never written (a crash, or a capture refused for its
 * other contact) is taken over by the next capture.
 */
export class ContactIndex {
  constructor(private readonly store: EventStore) {}

  /** Which lead already holds this contact, if any (read-only, for an early answer). */
  async holder(tenantId: string, key: ContactKey): Promise<string | undefined> {
    const owner = await this.owner(this.stream(tenantId, key));
    if (!owner || !(await this.leadExists(owner.leadId))) return undefined;
    return owner.leadId;
  }

  async reserve(
    tenantId: string,
    key: ContactKey,
    leadId: string,
    metadata: EventMetadata,
  ): Promise<ReservationResult> {
    const stream = this.stream(tenantId, key);
    for (let attempt = 0; attempt < 5; attempt++) {
      const owner = await this.owner(stream);
      if (owner?.leadId === leadId) return { reserved: true };
      if (owner && (!this.abandoned(owner) || (await this.leadExists(owner.leadId)))) {
        return { reserved: false, existingLeadId: owner.leadId };
      }
      try {
        await this.store.appendToStream(
          stream,
          [{ id: randomUUID(), type: 'LeadContactClaimed', data: { leadId, kind: key.kind }, metadata }],
          { expectedRevision: owner ? owner.revision : 'no_stream' },
        );
        return { reserved: true };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
    throw new Error(`Could not reserve ${key.kind} for lead ${leadId}: too much contention`);
  }

  /**
   * A reservation without its lead is taken over only after a grace period: until then
   * its capture may still be on its way (a concurrent request a few milliseconds ahead).
   */
  private abandoned(owner: { recordedAt: Date }): boolean {
    return Date.now() - owner.recordedAt.getTime() > ABANDONED_AFTER_MS;
  }

  private stream(tenantId: string, key: ContactKey): string {
    const hash = createHash('sha256').update(`${tenantId}\u0000${key.kind}\u0000${key.value}`).digest('hex');
    return streamName('leadContact', hash.slice(0, 40));
  }

  private async owner(stream: string): Promise<{ leadId: string; revision: bigint; recordedAt: Date } | undefined> {
    const events = await this.store.readStream(stream);
    const last = events.at(-1);
    if (!last) return undefined;
    const data = last.data as { leadId?: unknown };
    return typeof data.leadId === 'string'
      ? { leadId: data.leadId, revision: last.revision, recordedAt: last.recordedAt }
      : undefined;
  }

  private async leadExists(leadId: string): Promise<boolean> {
    return (await this.store.readStream(leadStream(leadId), { maxCount: 1 })).length > 0;
  }
}

/** The contact keys of a lead: email lower-cased, phone reduced to its digits (and a leading +). */
export function contactKeys(contact: { email: string | null; phone: string | null }): ContactKey[] {
  const keys: ContactKey[] = [];
  if (contact.email) keys.push({ kind: 'email', value: contact.email.trim().toLowerCase() });
  if (contact.phone) keys.push({ kind: 'phone', value: normalisePhone(contact.phone) });
  return keys;
}

export function normalisePhone(phone: string): string {
  const trimmed = phone.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
}
