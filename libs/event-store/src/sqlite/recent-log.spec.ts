import type { RecordedEvent } from '../recorded-event.js';
import { metadataFor } from '../../test/contract.helpers.js';
import { RecentLog } from './recent-log.js';

function recorded(position: number, type = 'Ticked', stream = `lead-${position}`): RecordedEvent {
  return {
    id: `e${position}`,
    stream,
    revision: 0n,
    position: BigInt(position),
    type,
    data: {},
    metadata: metadataFor(),
    recordedAt: new Date(0),
  };
}

/** A log of `count` events after `after`, read in slices as the window asks. */
function logReader(events: readonly RecordedEvent[]): (after: bigint) => RecordedEvent[] {
  return (after) => events.filter((event) => event.position > after);
}

const everything = (): boolean => true;
const positions = (events: readonly RecordedEvent[]): bigint[] => events.map((event) => event.position);

describe('RecentLog', () => {
  it('starts empty at the head: covers a subscriber there, not one behind it', () => {
    const recent = new RecentLog(10n, 100);
    expect(recent.covers(10n)).toBe(true);
    expect(recent.startsAfter(9n)).toBe(true);
    expect(recent.page(10n, everything, 5, false)).toEqual({ events: [], scannedTo: 10n, full: false });
  });

  it('hands out what was read after the cursor, filtered, and says where it scanned to', () => {
    const recent = new RecentLog(0n, 100);
    const log = [recorded(1), recorded(2, 'Other'), recorded(3), recorded(4, 'Other')];
    expect(recent.extend(logReader(log))).toBe(4);
    const page = recent.page(1n, (event) => event.type === 'Ticked', 10, false);
    expect(positions(page.events)).toEqual([3n]);
    // Position 4 was looked at and passed over: the next page starts after it.
    expect(page.scannedTo).toBe(4n);
    expect(page.full).toBe(false);
  });

  it('stops a page at its size and resumes right after its last event', () => {
    const recent = new RecentLog(0n, 100);
    recent.extend(logReader([1, 2, 3, 4, 5].map((position) => recorded(position))));
    const first = recent.page(0n, everything, 2, false);
    expect(first).toMatchObject({ scannedTo: 2n, full: true });
    expect(positions(first.events)).toEqual([1n, 2n]);
    expect(positions(recent.page(first.scannedTo, everything, 2, false).events)).toEqual([3n, 4n]);
  });

  it('asks to be read on when the log is known to go past the window', () => {
    const recent = new RecentLog(0n, 100);
    recent.extend(logReader([recorded(1)]));
    expect(recent.page(1n, everything, 5, true)).toEqual({ events: [], scannedTo: 1n, full: true });
  });

  it('drops its oldest events beyond its capacity; a cursor before them is no longer covered', () => {
    const recent = new RecentLog(0n, 3);
    recent.extend(logReader([1, 2, 3, 4, 5].map((position) => recorded(position))));
    expect(recent.startsAfter(1n)).toBe(true);
    expect(recent.covers(2n)).toBe(true);
    expect(positions(recent.page(2n, everything, 10, false).events)).toEqual([3n, 4n, 5n]);
  });

  it('keeps its range when a read finds nothing new', () => {
    const recent = new RecentLog(7n, 3);
    expect(recent.extend(() => [])).toBe(0);
    expect(recent.to).toBe(7n);
    expect(recent.covers(7n)).toBe(true);
  });

  it('refuses a capacity that could hold nothing', () => {
    expect(() => new RecentLog(0n, 0)).toThrow(RangeError);
  });
});
