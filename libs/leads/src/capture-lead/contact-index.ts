import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '#ltc/clock';
import { ConcurrentModificationError, KeyedLock } from '#ltc/commanding';
import { PERSONAL_DATA, contactHashText, normalisedContact } from '#ltc/personal-data';
import {
  EVENT_STORE,
  WrongExpectedRevisionError,
  streamName,
  type EventMetadata,
  type EventStore,
} from '#ltc/event-store';
import type { LeadCaptureVoided } from '../domain/lead-changes.events.js';
import { leadContactSubject } from '../lead-personal-data.js';
import { leadStream } from '../lead-stream.js';

/** A contact method that identifies a lead within a tenant. */
export interface ContactKey {
  readonly kind: 'email' | 'phone';
  readonly value: string;
}

export type ReservationResult =
  { readonly reserved: true } | { readonly reserved: false; readonly existingLeadId: string };

/** The last word of a reservation stream: nobody, or the lead that claimed the contact. */
type Reservation =
  | { readonly claimedBy: undefined; readonly revision: bigint | undefined }
  | { readonly claimedBy: string; readonly revision: bigint };

/**
 * Whether the lead a reservation names was written (`alive`), never will be (`voided`), not yet
 * (`absent`), or was written but its contact has since been erased (`erased`, ADR 0029): the
 * engine no longer knows that person, so their contact is free for a new lead.
 */
type LeadFate = 'alive' | 'voided' | 'absent' | 'erased';

const MAX_ATTEMPTS = 8;

/** Keyed hashes of contact methods under a tenant secret, and whether a lead's contact was erased (`PersonalData`). */
export interface ContactHasher {
  contactHash(tenantId: string, text: string): Promise<string>;
  status(subject: string): Promise<'active' | 'erased' | 'unknown'>;
}

/**
 * Makes "one lead per email/phone per tenant" hold under concurrency, crashes and slow
 * stores (ADR 0008). A read model would let two simultaneous captures through; a
 * reservation stream per contact (`leadContact-<hash>`, appended with an expected
 * revision) cannot. A reservation is held while the lead it names exists and its contact is not
 * erased (an erased person is unknown to the engine: coming back, they are a new lead). One whose lead
 * is absent is taken over only after voiding that lead (`LeadCaptureVoided` appended
 * expecting no stream): from then on its capture can never write it, however late it
 * comes, so no clock decides when a contact is free.
 *
 * The stream is named by an HMAC of the contact under the tenant's secret (ADR 0029), so the
 * log holds no guessable hash of an email. Reservations made before (named by a plain
 * SHA-256) are still honoured: a contact they hold is a duplicate, and releasing a contact
 * releases it there too; new reservations go to the keyed stream only.
 */
@Injectable()
export class ContactIndex {
  private readonly lock = new KeyedLock();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PERSONAL_DATA) private readonly hasher: ContactHasher,
  ) {}

  /** Runs `task` with these contacts to itself within this process (see KeyedLock); the lock keys stay in memory. */
  exclusive<Result>(tenantId: string, keys: readonly ContactKey[], task: () => Promise<Result>): Promise<Result> {
    return this.lock.run(
      keys.map((key) => `${tenantId}\u0000${key.kind}\u0000${key.value}`),
      task,
    );
  }

  /** The existing lead other than `self` holding this contact, if any (read-only). */
  async holder(tenantId: string, key: ContactKey, self?: string): Promise<string | undefined> {
    for (const stream of [await this.stream(tenantId, key), legacyStream(tenantId, key)]) {
      const { claimedBy } = await this.reservation(stream);
      if (claimedBy === undefined || claimedBy === self) continue;
      if ((await this.fate(claimedBy)) === 'alive') return claimedBy;
    }
    return undefined;
  }

  /** Claims the contact for `leadId`, taking over a reservation whose lead was never written. */
  async reserve(
    tenantId: string,
    key: ContactKey,
    leadId: string,
    metadata: EventMetadata,
  ): Promise<ReservationResult> {
    const legacy = await this.legacyHolder(tenantId, key, leadId, metadata);
    if (legacy !== undefined) return { reserved: false, existingLeadId: legacy };
    const stream = await this.stream(tenantId, key);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.reservation(stream);
      if (current.claimedBy === leadId) return { reserved: true };
      if (current.claimedBy !== undefined) {
        const fate = await this.fate(current.claimedBy);
        if (fate === 'alive') return { reserved: false, existingLeadId: current.claimedBy };
        // Absent: void it first, so its capture can never write it; if that lost a race, look again.
        // Erased: the lead stays, its person is forgotten; the claim passes to the new lead.
        if (fate === 'absent' && !(await this.voidLead(current.claimedBy, key.kind, metadata))) continue;
      }
      if (await this.append(stream, 'LeadContactClaimed', { leadId, kind: key.kind }, current.revision, metadata)) {
        return { reserved: true };
      }
    }
    throw new ConcurrentModificationError(stream);
  }

  /** Gives the contact up if `leadId` holds it (after its lead moved to another contact). */
  async release(tenantId: string, key: ContactKey, leadId: string, metadata: EventMetadata): Promise<void> {
    await this.releaseIn(await this.stream(tenantId, key), key, leadId, metadata);
    await this.releaseIn(legacyStream(tenantId, key), key, leadId, metadata);
  }

  /**
   * A reservation made before keyed hashes, by a live lead other than `self`. One whose lead
   * is absent (a capture of the previous version in flight, or dead) is voided as in `reserve`,
   * so that capture can never write its lead; none are added there.
   */
  private async legacyHolder(
    tenantId: string,
    key: ContactKey,
    self: string,
    metadata: EventMetadata,
  ): Promise<string | undefined> {
    const { claimedBy } = await this.reservation(legacyStream(tenantId, key));
    if (claimedBy === undefined || claimedBy === self) return undefined;
    const fate = await this.fate(claimedBy);
    if (fate === 'absent' && (await this.voidLead(claimedBy, key.kind, metadata))) return undefined;
    return fate === 'voided' || fate === 'erased' ? undefined : claimedBy;
  }

  private async releaseIn(stream: string, key: ContactKey, leadId: string, metadata: EventMetadata): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.reservation(stream);
      if (current.claimedBy !== leadId) return;
      if (await this.append(stream, 'LeadContactReleased', { leadId, kind: key.kind }, current.revision, metadata)) {
        return;
      }
    }
    throw new ConcurrentModificationError(stream);
  }

  private async stream(tenantId: string, key: ContactKey): Promise<string> {
    const hash = await this.hasher.contactHash(tenantId, contactHashText(key.kind, key.value));
    return streamName('leadContact', hash.slice(0, 40));
  }

  private async reservation(stream: string): Promise<Reservation> {
    const last = (await this.store.readStream(stream)).at(-1);
    if (!last) return { claimedBy: undefined, revision: undefined };
    const data = last.data as { leadId?: unknown };
    return last.type === 'LeadContactClaimed' && typeof data.leadId === 'string'
      ? { claimedBy: data.leadId, revision: last.revision }
      : { claimedBy: undefined, revision: last.revision };
  }

  private async fate(leadId: string): Promise<LeadFate> {
    const [first] = await this.store.readStream(leadStream(leadId), { maxCount: 1 });
    if (!first) return 'absent';
    if (first.type === 'LeadCaptureVoided') return 'voided';
    return (await this.hasher.status(leadContactSubject(leadId))) === 'erased' ? 'erased' : 'alive';
  }

  /** True when this call or an earlier one voided the lead; false when the lead was written after all. */
  private async voidLead(leadId: string, contactKind: ContactKey['kind'], metadata: EventMetadata): Promise<boolean> {
    const data: LeadCaptureVoided['data'] = { leadId, contactKind, at: this.clock.now().toISOString() };
    if (await this.append(leadStream(leadId), 'LeadCaptureVoided', data, undefined, metadata)) return true;
    return (await this.fate(leadId)) === 'voided';
  }

  /** Appends one event expecting `revision` (undefined: no stream); false when another writer got there first. */
  private async append(
    stream: string,
    type: string,
    data: unknown,
    revision: bigint | undefined,
    metadata: EventMetadata,
  ): Promise<boolean> {
    try {
      await this.store.appendToStream(stream, [{ id: randomUUID(), type, data, metadata }], {
        expectedRevision: revision ?? 'no_stream',
      });
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }
}

/** Where a contact was reserved before keyed hashes (a plain SHA-256 of tenant, kind and value). */
function legacyStream(tenantId: string, key: ContactKey): string {
  const hash = createHash('sha256').update(`${tenantId}\u0000${key.kind}\u0000${key.value}`).digest('hex');
  return streamName('leadContact', hash.slice(0, 40));
}

/** The contact keys of a lead: email lower-cased, phone reduced to its digits (and a leading +). */
export function contactKeys(contact: { email: string | null; phone: string | null }): ContactKey[] {
  const keys: ContactKey[] = [];
  for (const kind of ['email', 'phone'] as const) {
    const value = contact[kind] ? normalisedContact(kind, contact[kind]) : undefined;
    if (value !== undefined) keys.push({ kind, value });
  }
  return keys;
}
