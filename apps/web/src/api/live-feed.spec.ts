import { EventStreamParser, changeOf, reconnectDelayMs } from './live-feed';

const change = { stream: 'lead-1', type: 'LeadAssigned', revision: 3, position: '42' };

describe('Reading GET /live', () => {
  it('parses events split across chunks anywhere, skipping comments and the retry field', () => {
    const parser = new EventStreamParser();
    const text = `retry: 2000\n\n: keep-alive\n\nid: 42\nevent: change\ndata: ${JSON.stringify(change)}\n\n`;
    const events = [...text].flatMap((character) => parser.push(character));
    expect(events).toEqual([{ id: '42', event: 'change', data: JSON.stringify(change) }]);
    expect(changeOf(events[0]!)).toEqual(change);
  });

  it('keeps the last id for events without one (Last-Event-ID resumes there) and handles CRLF', () => {
    const parser = new EventStreamParser();
    const events = parser.push(`id: 7\r\nevent: change\r\ndata: {}\r\n\r\nevent: change\ndata: {}\n\n`);
    expect(events.map((e) => e.id)).toEqual(['7', '7']);
  });

  it('ignores what is not a well-formed change', () => {
    expect(changeOf({ event: 'message', data: JSON.stringify(change) })).toBeUndefined();
    expect(changeOf({ event: 'change', data: 'not json' })).toBeUndefined();
    expect(changeOf({ event: 'change', data: JSON.stringify({ ...change, position: 42 }) })).toBeUndefined();
  });

  it('waits longer after each failure, at most ten seconds', () => {
    expect([0, 1, 2, 10].map(reconnectDelayMs)).toEqual([500, 1000, 2000, 10_000]);
  });
});
