import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '#ltc/clock';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore, type RecordedEvent } from '#ltc/event-store';
import { InvalidInputError, NotFoundError } from '#ltc/kernel';
import {
  DATA_SUBJECT_ERASED,
  PERSONAL_DATA,
  dataSubjectStream,
  valueAt,
  type DataSubjectErased,
  type PersonalData,
} from '#ltc/personal-data';
import { READ_MODEL_DB, type RequestContext } from '#ltc/platform';
import type { ReadModelHandle } from '#ltc/projections';
import { otherStreamsHolding } from './subject-streams.js';
import type { ErasureView, FoundSubjectsView, PersonalRecordView, SubjectExportView } from './data-subjects.dto.js';
import { subjectsByContact } from './subject-contacts.projection.js';

/**
 * Subject access and erasure (ADR 0029). A subject id names the stream of the record that
 * holds the person (a lead's contact: `lead-<leadId>`); a subject is known to a tenant when
 * that stream is the tenant's. Erasure destroys the key first and then records
 * `DataSubjectErased`: if the second step fails, the values are already unreadable and a
 * retry records the event.
 */
@Injectable()
export class DataSubjects {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA) private readonly personal: PersonalData,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
  ) {}

  async erase(ctx: RequestContext, subjectId: string, reason: string): Promise<ErasureView> {
    await this.mustBeKnown(ctx.tenantId, subjectId);
    const earlier = await this.erasure(subjectId);
    if (earlier) return { ...erasureView(earlier), alreadyErased: true };
    const at = this.clock.now();
    await this.personal.erase(subjectId, at);
    const commandId = randomUUID();
    const event: DataSubjectErased = {
      type: 'DataSubjectErased',
      data: { subjectId, reason, erasedBy: ctx.actor.userId, at: at.toISOString() },
    };
    try {
      await this.store.appendToStream(
        dataSubjectStream(subjectId),
        [
          {
            ...event,
            metadata: {
              actor: ctx.actor,
              tenantId: ctx.tenantId,
              correlationId: ctx.correlationId,
              causationId: commandId,
              commandId,
              schemaVersion: 1,
            },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
    } catch (error) {
      // Erased at the same moment by another request: theirs is the recorded erasure.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const theirs = await this.erasure(subjectId);
      if (theirs) return { ...erasureView(theirs), alreadyErased: true };
      throw error;
    }
    return { ...erasureView(event.data), alreadyErased: false };
  }

  async export(tenantId: string, subjectId: string): Promise<SubjectExportView> {
    const own = await this.mustBeKnown(tenantId, subjectId);
    const erasure = await this.erasure(subjectId);
    const others = await otherStreamsHolding(this.readModels.queryDb, tenantId, subjectId);
    const events = [own, ...(await Promise.all(others.map((stream) => this.store.readStream(stream))))].flat();
    const records = events
      .filter((event) => event.metadata.tenantId === tenantId)
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
      .flatMap((event) => personalRecord(event, subjectId));
    return {
      subjectId,
      status: erasure ? 'erased' : 'active',
      erasedAt: erasure?.at ?? null,
      records,
    };
  }

  /**
   * The subjects an email or phone number reaches, found by keyed hash (the index holds no
   * plain contact). Asking with neither is a client's mistake.
   */
  async find(tenantId: string, contact: { email?: string; phone?: string }): Promise<FoundSubjectsView> {
    if (contact.email === undefined && contact.phone === undefined) {
      throw new InvalidInputError('email', 'required', 'email or phone is required');
    }
    const hashes: string[] = [];
    for (const kind of ['email', 'phone'] as const) {
      const value = contact[kind];
      const hash = value === undefined ? undefined : await this.personal.contactMethodHash(tenantId, kind, value);
      if (hash !== undefined) hashes.push(hash);
    }
    const found = await subjectsByContact(this.readModels.queryDb, tenantId, hashes);
    return { subjects: found.map((subjectId) => ({ subjectId })) };
  }

  /** The subject's record, read as every reader reads it; a 404 unless it is this tenant's. */
  private async mustBeKnown(tenantId: string, subjectId: string): Promise<RecordedEvent[]> {
    const events = await this.store.readStream(subjectId);
    if (events[0]?.metadata.tenantId !== tenantId) throw new NotFoundError('Data subject', subjectId);
    return events;
  }

  private async erasure(subjectId: string): Promise<DataSubjectErased['data'] | undefined> {
    const [first] = await this.store.readStream(dataSubjectStream(subjectId), { maxCount: 1 });
    return first?.type === DATA_SUBJECT_ERASED ? (first.data as DataSubjectErased['data']) : undefined;
  }
}

function erasureView(erasure: DataSubjectErased['data']): Omit<ErasureView, 'alreadyErased'> {
  return { subjectId: erasure.subjectId, erasedAt: erasure.at, erasedBy: erasure.erasedBy, reason: erasure.reason };
}

function personalRecord(event: RecordedEvent, subjectId: string): PersonalRecordView[] {
  const refs = (event.personalData ?? []).filter((ref) => ref.subject === subjectId);
  if (refs.length === 0) return [];
  const values = Object.fromEntries(refs.map((ref) => [ref.path, valueAt(event.data, ref.path)]));
  return [
    { stream: event.stream, eventId: event.id, type: event.type, recordedAt: event.recordedAt.toISOString(), values },
  ];
}
