import type { FieldPath } from './field-paths.js';

/**
 * Which fields of one event type hold personal data, and whose: `subject` names the data
 * subject from the event's data (undefined: the event is about nobody), `fields` the paths
 * of the values about them. Only non-null values are sealed; a null says nothing of a person.
 */
export interface PersonalFieldsOf {
  readonly subject: (data: unknown) => string | undefined;
  readonly fields: readonly FieldPath[];
  /**
   * Which of `fields` are ways to reach the person (an email, a phone number): a subject is
   * found by them (`GET /data-subjects?email=`) through keyed hashes, never the plain value.
   */
  readonly contactMethods?: {
    readonly email?: readonly FieldPath[];
    readonly phone?: readonly FieldPath[];
  };
}

/**
 * The common case: the subject is named after a record whose id the event carries in
 * `idField` (a lead's `leadId` → `lead-<leadId>`); an event without that id is about nobody.
 */
export function subjectFromId(idField: string, subjectOf: (id: string) => string): PersonalFieldsOf['subject'] {
  return (data) => {
    const id = (data as Record<string, unknown> | null)?.[idField];
    return typeof id === 'string' ? subjectOf(id) : undefined;
  };
}

/** A context's declaration: event type → its personal fields. */
export type PersonalFieldDeclarations = Readonly<Record<string, PersonalFieldsOf>>;

const declared = new Map<string, PersonalFieldsOf>();

/**
 * Registers a context's personal fields for the whole process (`defineContext` calls it with
 * the descriptor's `personalData`), so every writer seals them and every reader knows them,
 * whichever process or tool loaded the context. A type declared twice keeps its first
 * declaration: a context module imported twice declares the same fields.
 */
export function declarePersonalFields(declarations: PersonalFieldDeclarations): void {
  for (const [type, fields] of Object.entries(declarations)) {
    if (!declared.has(type)) declared.set(type, fields);
  }
}

/** The personal fields of an event type; undefined for a type that holds none. */
export function personalFieldsOf(type: string): PersonalFieldsOf | undefined {
  return declared.get(type);
}

/** The event types declared to hold a way to reach their subject (an email, a phone number), sorted. */
export function typesWithContactMethods(): string[] {
  return [...declared.entries()]
    .filter(
      ([, fields]) => (fields.contactMethods?.email?.length ?? 0) + (fields.contactMethods?.phone?.length ?? 0) > 0,
    )
    .map(([type]) => type)
    .sort();
}
