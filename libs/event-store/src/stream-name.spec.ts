import { streamName } from '#ltc/event-store';

describe('stream names', () => {
  it('joins category and id with a hyphen; the id may hold more, the first one ends the category', () => {
    expect(streamName('lead', 'a-b-c')).toBe('lead-a-b-c');
  });

  it('rejects a category with a hyphen, which would break the category index', () => {
    expect(() => streamName('service-issue', 'x')).toThrow(/Invalid stream category/);
  });
});
