import type { DomainEvent } from '#ltc/kernel';
import { streamName } from '#ltc/event-store';

/**
 * A data subject's key was destroyed: every personal value sealed with it reads `[erased]`
 * from now on, and read models blank what they kept of it. Who, when and why, and nothing
 * about the person. Alone in the subject's own stream (`dataSubject-<subjectId>`).
 */
export type DataSubjectErased = DomainEvent<
  'DataSubjectErased',
  {
    readonly subjectId: string;
    readonly reason: string;
    readonly erasedBy: string;
    readonly at: string;
  }
>;

export const DATA_SUBJECT_ERASED = 'DataSubjectErased';

export const dataSubjectStream = (subjectId: string): string => streamName('dataSubject', subjectId);

/** The erased subject of a stored event, when it is a `DataSubjectErased`. */
export function erasedSubjectOf(event: { readonly type: string; readonly data: unknown }): string | undefined {
  if (event.type !== DATA_SUBJECT_ERASED) return undefined;
  const subjectId = (event.data as { subjectId?: unknown } | null)?.subjectId;
  return typeof subjectId === 'string' ? subjectId : undefined;
}
