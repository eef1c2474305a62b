import { streamCategory, streamId, streamName } from '#ltc/event-store';

describe('stream names', () => {
  it('joins category and id with the first hyphen', () => {
    const name = streamName('lead', 'a-b-c');
    expect(name).toBe('lead-a-b-c');
    expect(streamCategory(name)).toBe('lead');
    expect(streamId(name)).toBe('a-b-c');
  });

  it('rejects a category with a hyphen, which would break the category index', () => {
    expect(() => streamName('service-issue', 'x')).toThrow(/Invalid stream category/);
  });
});
