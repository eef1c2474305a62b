// The read models follow the events a moment later, so a screen that re-reads as soon as the
// live feed announces a change may still be shown the record as it was. This remembers the
// revisions announced per stream, so a screen can tell that what it shows is behind and read
// again, until the read model has caught up (or a patience runs out).
import type { LiveChange } from './live-feed';

export interface ShownRecord {
  readonly stream: string;
  /** The revision the read model says the shown record reflects. */
  readonly revision: number;
}

export class AnnouncedRevisions {
  private readonly announced = new Map<string, { readonly revision: number; readonly at: number }>();

  constructor(private readonly patienceMs = 5000) {}

  note(change: LiveChange, nowMs: number): void {
    const known = this.announced.get(change.stream);
    if (known === undefined || change.revision > known.revision) {
      this.announced.set(change.stream, { revision: change.revision, at: nowMs });
    }
  }

  /**
   * True while a shown record is older than a change announced for it. Announcements are
   * forgotten once shown or once older than the patience, so a read model that never reflects
   * some event cannot make a screen re-read forever.
   */
  behind(shown: readonly ShownRecord[], nowMs: number): boolean {
    for (const [stream, known] of this.announced) {
      if (nowMs - known.at > this.patienceMs) this.announced.delete(stream);
    }
    let behind = false;
    for (const record of shown) {
      const known = this.announced.get(record.stream);
      if (known === undefined) continue;
      if (record.revision >= known.revision) this.announced.delete(record.stream);
      else behind = true;
    }
    return behind;
  }
}
