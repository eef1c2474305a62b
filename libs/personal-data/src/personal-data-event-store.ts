import type {
  AppendResult,
  EventStore,
  EventSubscription,
  EventToAppend,
  ExpectedRevision,
  PersonalValueRef,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '#ltc/event-store';
import { erasedSubjectOf } from './data-subject.events.js';
import { valueAt, withValueAt } from './field-paths.js';
import type { ContactMethodKind } from './contact-methods.js';
import { personalFieldsOf, type PersonalFieldsOf } from './personal-fields.js';
import type { PersonalData } from './personal-data.js';
import { ERASED, isSealedValue } from './sealed-value.js';

const CONTACT_METHOD_KINDS: readonly ContactMethodKind[] = ['email', 'phone'];

/**
 * The event store as the engine uses it: personal fields (declared per event type with
 * `declarePersonalFields`) are sealed before an event is appended, so the log, its hash
 * chain and every export hold ciphertext only; and every read (streams, the log,
 * subscriptions: command folds, projections, process managers, histories, as-of reads)
 * opens them, giving `[erased]` for an erased subject. Values written before encryption
 * are read as they are, and also as `[erased]` once their subject is erased. Each opened
 * event lists its personal values (`personalData`) so read models can tell what to blank.
 * `stored` is the store underneath, for what must see the bytes as stored (the chain check).
 */
export class PersonalDataEventStore implements EventStore {
  constructor(
    readonly stored: EventStore,
    private readonly personal: PersonalData,
    private readonly ownsPersonalData = false,
  ) {}

  async appendToStream(
    stream: string,
    events: readonly EventToAppend[],
    options?: { readonly expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    const sealed = await Promise.all(events.map((event) => this.seal(event)));
    return this.stored.appendToStream(stream, sealed, options);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.stored.readStream(stream, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.stored.readAll(options));
  }

  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    const inner = this.stored.subscribeToAll(options);
    const open = (event: RecordedEvent): Promise<RecordedEvent> => this.open(event);
    return {
      get scannedTo() {
        return inner.scannedTo;
      },
      close: () => inner.close(),
      async *[Symbol.asyncIterator]() {
        for await (const event of inner) yield await open(event);
      },
    };
  }

  readHeadPosition(): Promise<bigint> {
    return this.stored.readHeadPosition();
  }

  ping(): Promise<void> {
    return this.stored.ping();
  }

  async close(): Promise<void> {
    await this.stored.close();
    if (this.ownsPersonalData) await this.personal.close();
  }

  private async seal(event: EventToAppend): Promise<EventToAppend> {
    const declared = personalFieldsOf(event.type);
    const subject = declared?.subject(event.data);
    if (!declared || subject === undefined) return event;
    let data = event.data;
    for (const path of declared.fields) {
      const value = valueAt(data, path);
      if (value === undefined || value === null || isSealedValue(value)) continue;
      data = withValueAt(data, path, await this.personal.seal(subject, value));
    }
    return data === event.data ? event : { ...event, data };
  }

  private openAll(events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    return Promise.all(events.map((event) => this.open(event)));
  }

  private async open(event: RecordedEvent): Promise<RecordedEvent> {
    const erased = erasedSubjectOf(event);
    if (erased !== undefined) this.personal.forget(erased);
    const declared = personalFieldsOf(event.type);
    if (!declared) return event;
    const subject = declared.subject(event.data);
    let data = event.data;
    const refs: PersonalValueRef[] = [];
    for (const path of declared.fields) {
      const value = valueAt(data, path);
      if (value === undefined || value === null) continue;
      let owner: string;
      let opened: unknown = value;
      if (isSealedValue(value)) {
        owner = value.subject;
        opened = await this.personal.open(value);
      } else if (subject !== undefined) {
        // Written before encryption: still in clear in the log, hidden from readers once erased.
        owner = subject;
        if ((await this.personal.status(subject)) === 'erased') opened = ERASED;
      } else {
        continue;
      }
      if (opened !== value) data = withValueAt(data, path, opened);
      const contact = await this.contactOf(event.metadata.tenantId, declared, path, opened);
      refs.push(contact ? { path, subject: owner, contact } : { path, subject: owner });
    }
    return refs.length === 0 ? event : { ...event, data, personalData: refs };
  }

  /** The keyed hash of a value declared as the person's email or phone, while it can still be read. */
  private async contactOf(
    tenantId: string,
    declared: PersonalFieldsOf,
    path: string,
    value: unknown,
  ): Promise<PersonalValueRef['contact']> {
    if (typeof value !== 'string' || value === ERASED) return undefined;
    for (const kind of CONTACT_METHOD_KINDS) {
      if (!declared.contactMethods?.[kind]?.includes(path)) continue;
      const hash = await this.personal.contactMethodHash(tenantId, kind, value);
      return hash === undefined ? undefined : { kind, hash };
    }
    return undefined;
  }
}
