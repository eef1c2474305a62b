import type { RecordedEvent } from '#ltc/event-store';
import { withValueAt } from './field-paths.js';
import { ERASED } from './sealed-value.js';

/** The data subjects whose personal values an opened event holds (none for most events). */
export function personalSubjectsOf(event: RecordedEvent): string[] {
  return [...new Set((event.personalData ?? []).map((ref) => ref.subject))];
}

/**
 * The event as a reader will see it once its data subjects are erased: every personal value
 * `[erased]`. What a read model keeps ready to show after an erasure (an audit summary).
 */
export function asErased(event: RecordedEvent): RecordedEvent {
  const refs = event.personalData ?? [];
  if (refs.length === 0) return event;
  let data = event.data;
  for (const ref of refs) data = withValueAt(data, ref.path, ERASED);
  return { ...event, data };
}
