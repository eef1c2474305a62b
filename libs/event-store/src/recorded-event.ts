/** Who caused an event: the authenticated caller, or the engine itself (`system`). */
export interface Actor {
  readonly userId: string;
  readonly role: string;
}

/**
 * Metadata stored with every event. It answers the audit questions (who, on whose
 * behalf, because of what) and lets a replay know which schema the data follows.
 */
export interface EventMetadata {
  readonly actor: Actor;
  /** Shared by every event caused, directly or indirectly, by one user request. */
  readonly correlationId: string;
  /** The id of the command or event that directly caused this one. */
  readonly causationId: string;
  /** The command that produced this event; retried commands keep their id (idempotency). */
  readonly commandId: string;
  readonly tenantId: string;
  /** Version of `data`'s shape for this event type; upcasters lift old versions. */
  readonly schemaVersion: number;
  /** Hash of the request body a command was sent with, to detect a reused idempotency key. */
  readonly requestHash?: string;
}

/** An event handed to the store, before it has a place in the log. */
export interface EventToAppend<Type extends string = string, Data = unknown> {
  /** Unique event id; the store generates one when omitted. */
  readonly id?: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** An event as the log holds it, with its place in its stream and in the global order. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly stream: string;
  /** 0-based position inside its stream. */
  readonly revision: bigint;
  /** Position in the global log; strictly increasing in read order. Never pass through Number(). */
  readonly position: bigint;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
  /**
   * Links the event to the previous one of its stream (see `chain/event-chain.ts`): set by
   * the store on append, checked by `verifyEventChains`. Absent only on an EventStoreDB event
   * written before the store kept chains; the check reports such an event as unchained.
   */
  readonly chainHash?: string;
  /**
   * The personal values of the event as read (never stored): set by the personal-data layer
   * that opens sealed fields (`libs/personal-data`), so a read model knows which of its
   * values belong to which data subject and what to blank when one is erased.
   */
  readonly personalData?: readonly PersonalValueRef[];
}

/** One personal value of an event: where it is in `data`, and whose it is. */
export interface PersonalValueRef {
  /** Dotted path into `data`, e.g. `contact.email`. */
  readonly path: string;
  readonly subject: string;
  /**
   * For a way to reach the person (an email, a phone number): its keyed hash under the
   * tenant's secret, so a read model can find the subject by it without holding the value.
   */
  readonly contact?: { readonly kind: 'email' | 'phone'; readonly hash: string };
}
